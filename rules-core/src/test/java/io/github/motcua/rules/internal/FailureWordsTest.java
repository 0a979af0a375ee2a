package io.github.motcua.rules.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * A rule failure's words must not depend on the JIT: HotSpot throws the JVM's own exceptions from hot compiled code
 * without a message, so a decision that quoted their message explained the same dossier differently in a cold and a
 * warm JVM (seen in CI: a differential test compared a helpful {@code NullPointerException} message with none).
 */
class FailureWordsTest {

    @Test
    void jvmExceptions_areNamedByClassAlone_withOrWithoutAMessage() {
        assertEquals("NullPointerException", Evaluator.describe(new NullPointerException()));
        assertEquals("NullPointerException", Evaluator.describe(new NullPointerException(
                "Cannot invoke \"java.lang.Boolean.booleanValue()\" because the return value of \"x\" is null")));
        assertEquals("ArithmeticException", Evaluator.describe(new ArithmeticException("/ by zero")));
        assertEquals("ArrayIndexOutOfBoundsException", Evaluator.describe(new ArrayIndexOutOfBoundsException(3)));
        assertEquals("ClassCastException", Evaluator.describe(new ClassCastException("a cannot be cast to b")));
        assertEquals("ArrayStoreException", Evaluator.describe(new ArrayStoreException("java.lang.Integer")));
    }

    @Test
    void otherExceptions_keepTheirMessage() {
        assertEquals("IllegalStateException: hết hạn mức", Evaluator.describe(new IllegalStateException("hết hạn mức")));
        assertEquals("IllegalArgumentException", Evaluator.describe(new IllegalArgumentException()));
    }
}
