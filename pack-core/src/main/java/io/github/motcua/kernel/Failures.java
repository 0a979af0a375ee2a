package io.github.motcua.kernel;

/**
 * A caught failure in words shown to people — an analyst's {@code check}, an officer's decision, an HTTP client's
 * problem, a CLI line — that do not depend on the state of the JVM. Every module that puts a caught exception's text
 * into such a message takes it from here, never from {@link Throwable#getMessage()} or {@link Throwable#toString()}
 * directly.
 *
 * <p>The JVM's own exceptions are named by their class alone: a {@code NullPointerException},
 * {@code ArithmeticException}, {@code ArrayIndexOutOfBoundsException}, {@code ArrayStoreException} or
 * {@code ClassCastException} thrown by hot compiled code is a preallocated instance without a message (HotSpot's
 * {@code OmitStackTraceInFastThrow}), so quoting their message explained the same input with the JDK's words on a cold
 * JVM and with none on a warm one; and the words themselves (helpful null-pointer messages, index and cast texts) are
 * the JDK's, change between JDK versions and name internals no reader can act on. The same holds for the other index
 * failures ({@code IndexOutOfBoundsException} and its subclasses), {@code NegativeArraySizeException} and the JVM's
 * errors ({@code VirtualMachineError}: out of memory, stack overflow). Every other exception keeps its message; an
 * exception without a message (or a blank one) is named by its class.
 *
 * <p>Stateless; thread-safe.
 */
public final class Failures {

    private Failures() {
    }

    /**
     * The failure as its class's simple name, followed by {@code ": "} and its message when it has one worth quoting
     * (see the class comment), e.g. {@code "NullPointerException"} for every null dereference, with or without the
     * JDK's helpful message, and {@code "IllegalStateException: hết hạn mức"}.
     */
    public static String describe(Throwable failure) {
        String name = failure.getClass().getSimpleName();
        String message = quotable(failure);
        return message == null ? name : name + ": " + message;
    }

    /**
     * The failure's message when it has one worth quoting, else its class's simple name: the detail a message template
     * puts after its own words, e.g. {@code "Không đọc được tệp: {detail}"} with {@code "NullPointerException"} for
     * every null dereference, and with the message itself for {@code new IOException("disk full")}.
     */
    public static String detail(Throwable failure) {
        String message = quotable(failure);
        return message == null ? failure.getClass().getSimpleName() : message;
    }

    /**
     * Whether {@code failure} is one of the JVM's own failures whose message depends on the JIT or on the JDK's
     * wording (the class comment lists them), which {@link #describe} and {@link #detail} name by class alone.
     */
    public static boolean jvmWorded(Throwable failure) {
        return failure instanceof NullPointerException || failure instanceof ArithmeticException
                || failure instanceof IndexOutOfBoundsException || failure instanceof ArrayStoreException
                || failure instanceof ClassCastException || failure instanceof NegativeArraySizeException
                || failure instanceof VirtualMachineError;
    }

    private static String quotable(Throwable failure) {
        if (jvmWorded(failure)) {
            return null;
        }
        String m = failure.getMessage();
        return m == null || m.isBlank() ? null : m;
    }
}
