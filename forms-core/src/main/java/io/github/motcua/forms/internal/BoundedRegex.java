package io.github.motcua.forms.internal;

import com.networknt.schema.regex.RegularExpression;
import com.networknt.schema.regex.RegularExpressionFactory;
import com.networknt.schema.regex.RegularExpressions;
import java.util.regex.Pattern;

/**
 * JDK regular expressions with a work budget: the matcher reads the value through a
 * {@link CharSequence} that counts reads and gives up after {@code 1,000,000 + 100 × length} of them,
 * so a slow pack pattern ({@code ^\d*\d*\d*x$}; the exponential shapes the JDK's matcher cannot remember, such
 * as {@code ^((a+)+)+$}, are refused at load, {@link PatternRisk}) cannot hang validation on a crafted value; and all the values of one
 * document share {@link #DOCUMENT_BUDGET}, so many such values cannot either. The JDK's matcher also
 * recurses once per repetition of a group, so an ordinary pattern ({@code ^(\.[a-z]+)*$}) on a long
 * text can overflow the validating thread's stack: that match is abandoned as well. A match that could
 * not finish counts as "does not match" (the value is refused), and the document is marked, so that
 * its report leads with a typed limit violation. Thread-safe.
 */
final class BoundedRegex implements RegularExpressionFactory {
    static final BoundedRegex INSTANCE = new BoundedRegex();
    /**
     * Character reads all pattern checks of one document may make together (issue 11: a schema whose
     * array items carry {@code ^((a+)+)+b$} took ~160 s on one 430 KB submission with a per-value
     * budget only). About 0.1-0.3 s of matching; a real form uses a tiny fraction.
     */
    static final long DOCUMENT_BUDGET = 20_000_000L;
    /**
     * While {@link #withDocumentBudget} runs, this thread's document: {@code [0]} the reads left, {@code [1]} non-zero
     * once a match could not finish (its value's budget or the stack ran out).
     */
    private static final ThreadLocal<long[]> DOCUMENT = new ThreadLocal<>();

    /**
     * Runs {@code validation} with one shared budget for every pattern it checks; returns whether a pattern check
     * could not finish: the document's budget ran out (every pattern check after that point failed), or one value's
     * budget, or the thread's stack. The values not fully checked were refused.
     */
    static boolean withDocumentBudget(Runnable validation) {
        long[] document = {DOCUMENT_BUDGET, 0};
        long[] outer = DOCUMENT.get();
        DOCUMENT.set(document);
        try {
            validation.run();
        } finally {
            // set, not remove: the thread's entry stays for its next document (remove costs a clean-up walk)
            DOCUMENT.set(outer);
        }
        return document[0] < 0 || document[1] != 0;
    }

    /** A JSON Schema (ECMA-262) pattern in the JDK's syntax, as this factory compiles it. */
    static String javaRegex(String regex) {
        return RegularExpressions.replaceLongformCharacterProperties(RegularExpressions.replaceDollarAnchors(regex));
    }

    @Override
    public RegularExpression getRegularExpression(String regex) {
        Pattern pattern = Pattern.compile(javaRegex(regex));
        return value -> {
            long[] document = DOCUMENT.get();
            try {
                return pattern.matcher(new Budgeted(value, 1_000_000L + 100L * value.length(), document)).find();
            } catch (OutOfBudget | StackOverflowError e) {
                // StackOverflowError: the matcher's recursion, thrown from its frames (it holds no lock and
                // shares nothing); the frames are gone by now, and the thread goes on with the next value
                if (document != null) {
                    document[1] = 1;
                }
                return false;
            }
        };
    }

    static final class OutOfBudget extends RuntimeException {
        private static final long serialVersionUID = 1L;

        OutOfBudget() {
            super(null, null, false, false);
        }
    }

    static final class Budgeted implements CharSequence {
        private final String value;
        private long left;
        private final long[] document;

        Budgeted(String value, long budget, long[] document) {
            this.value = value;
            this.left = budget;
            this.document = document;
        }

        @Override
        public char charAt(int index) {
            if (--left < 0 || (document != null && --document[0] < 0)) {
                throw new OutOfBudget();
            }
            return value.charAt(index);
        }

        @Override
        public int length() {
            return value.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return value.subSequence(start, end);
        }

        @Override
        public String toString() {
            return value;
        }
    }
}
