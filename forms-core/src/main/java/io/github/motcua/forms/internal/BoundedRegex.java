package io.github.motcua.forms.internal;

import com.networknt.schema.regex.RegularExpression;
import com.networknt.schema.regex.RegularExpressionFactory;
import com.networknt.schema.regex.RegularExpressions;
import java.util.regex.Pattern;

/**
 * JDK regular expressions with a work budget: the matcher reads the value through a
 * {@link CharSequence} that counts reads and gives up after {@code 1,000,000 + 100 × length} of them,
 * so a pack pattern with nested quantifiers ({@code ^(a+)+$}) cannot hang validation on a crafted
 * value. A match that runs out of budget counts as "does not match" (the value is refused).
 * Thread-safe.
 */
final class BoundedRegex implements RegularExpressionFactory {
    static final BoundedRegex INSTANCE = new BoundedRegex();

    @Override
    public RegularExpression getRegularExpression(String regex) {
        Pattern pattern = Pattern.compile(RegularExpressions.replaceLongformCharacterProperties(
                RegularExpressions.replaceDollarAnchors(regex)));
        return value -> {
            try {
                return pattern.matcher(new Budgeted(value, 1_000_000L + 100L * value.length())).find();
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

        Budgeted(String value, long budget) {
            this.value = value;
            this.left = budget;
        }

        @Override
        public char charAt(int index) {
            if (--left < 0) {
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
