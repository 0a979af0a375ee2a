package io.github.motcua.forms.internal;

/** An input problem found before schema validation: a message key with arguments. */
record Problem(String pointer, String keyword, String messageKey, java.util.Map<String, String> args) {
}
