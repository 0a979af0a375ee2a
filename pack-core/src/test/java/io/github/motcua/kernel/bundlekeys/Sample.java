package io.github.motcua.kernel.bundlekeys;

/** Source that names bundle keys, for {@code BundleKeysTest}. */
final class Sample {
    static final String[] KEYS = {"T_ONE", "T_TWO", "NOT_A_T_KEY"};

    private Sample() {
    }
}
