package io.github.motcua.forms.internal;

import com.networknt.schema.regex.RegularExpression;
import com.networknt.schema.regex.RegularExpressionFactory;
import com.networknt.schema.regex.RegularExpressions;
import java.util.regex.Pattern;

/**
 * JDK regular expressions with a work budget: the matcher reads the value through a
 * {@link CharSequence} that counts reads and gives up after {@code 1,000,000 + 100 × length} of them,
 * so a pack pattern with nested quantifiers ({@code ^(a+)+$}) cannot hang validation on a crafted
 * value; and all the values of one document share {@link #DOCUMENT_BUDGET}, so many such values
 * cannot either. A match that runs out of budget counts as "does not match" (the value is refused).
 * Thread-safe.
 */
final class BoundedRegex implements RegularExpressionFactory {
    static final BoundedRegex INSTANCE = new BoundedRegex();
    /**
     * Character reads all pattern checks of one document may make together (issue 11: a schema whose
     * array items carry {@code ^((a+)+)+b$} took ~160 s on one 430 KB submission with a per-value
     * budget only). About 0.1-0.3 s of matching; a real form uses a tiny fraction.
     */
    static final long DOCUMENT_BUDGET = 20_000_000L;
    /** The document budget left on this thread, while {@link #withDocumentBudget} runs. */
    private static final ThreadLocal<long[]> DOCUMENT = new ThreadLocal<>();

    /**
     * Runs {@code validation} with one shared budget for every pattern it checks; returns whether the
     * budget ran out (every pattern check after that point failed: the values were refused).
     */
    static boolean withDocumentBudget(Runnable validation) {
        long[] left = {DOCUMENT_BUDGET};
        long[] outer = DOCUMENT.get();
        DOCUMENT.set(left);
        try {
            validation.run();
        } finally {
            // set, not remove: the thread's entry stays for its next document (remove costs a clean-up walk)
            DOCUMENT.set(outer);
        }
        return left[0] < 0;
    }

    @Override
    public RegularExpression getRegularExpression(String regex) {
        Pattern pattern = Pattern.compile(RegularExpressions.replaceLongformCharacterProperties(
                RegularExpressions.replaceDollarAnchors(regex)));
        return value -> {
            try {
                return pattern.matcher(new Budgeted(value, 1_000_000L + 100L * value.length(), DOCUMENT.get())).find();
            } catch (OutOfBudget e) {
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

    private static final class Budgeted implements CharSequence {
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
