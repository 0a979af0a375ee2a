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
 * <p>One {@code NullPointerException} is not the JVM's: the one {@link java.util.Objects#requireNonNull(Object, String)}
 * throws with its caller's words, which name the argument that was null ({@code "packDir"}, {@code "dossier"}). It is
 * made by {@code new}, never preallocated, so its message is the same on a cold and a warm JVM, and it keeps it:
 * {@code "NullPointerException: dossier"} (until session 16 it read {@code "NullPointerException"} like a null
 * dereference, and whoever read the problem could not tell which argument had been left out).
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
     * every null dereference, and with the message itself for {@code new IOException("disk full")}. An argument check's
     * {@code NullPointerException} keeps its class beside its message, which is only the argument's name:
     * {@code "NullPointerException: dossier"}.
     */
    public static String detail(Throwable failure) {
        String message = quotable(failure);
        if (message != null && failure instanceof NullPointerException) {
            return failure.getClass().getSimpleName() + ": " + message;
        }
        return message == null ? failure.getClass().getSimpleName() : message;
    }

    /**
     * Whether {@code failure} is one of the JVM's own failures whose message depends on the JIT or on the JDK's
     * wording (the class comment lists them), which {@link #describe} and {@link #detail} name by class alone.
     */
    public static boolean jvmWorded(Throwable failure) {
        return failure instanceof NullPointerException && !requireNonNull(failure) || failure instanceof ArithmeticException
                || failure instanceof IndexOutOfBoundsException || failure instanceof ArrayStoreException
                || failure instanceof ClassCastException || failure instanceof NegativeArraySizeException
                || failure instanceof VirtualMachineError;
    }

    /**
     * Whether {@code npe} was thrown by {@code Objects.requireNonNull} (its first frame): an argument check whose message
     * is its caller's, not the JVM's.
     */
    private static boolean requireNonNull(Throwable npe) {
        StackTraceElement[] frames = npe.getStackTrace();
        return frames.length > 0 && "java.util.Objects".equals(frames[0].getClassName())
                && frames[0].getMethodName().startsWith("requireNonNull");
    }

    private static String quotable(Throwable failure) {
        if (jvmWorded(failure)) {
            return null;
        }
        String m = failure.getMessage();
        return m == null || m.isBlank() ? null : m;
    }
}
