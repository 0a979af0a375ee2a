package io.github.motcua.forms.internal;

import com.networknt.schema.ExecutionContext;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaContext;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.keyword.AbstractKeywordValidator;
import com.networknt.schema.keyword.AnnotationKeyword;
import com.networknt.schema.keyword.Keyword;
import com.networknt.schema.keyword.KeywordValidator;
import com.networknt.schema.keyword.NonValidationKeyword;
import com.networknt.schema.path.NodePath;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The annotation keywords of a form ({@code title}, {@code description}, {@code x-title-en} …) as <b>one validator
 * object per keyword for the whole registry</b> instead of one per occurrence.
 *
 * <p>networknt compiles every keyword of every schema object into a validator of its own, and a validation calls
 * each validator of each schema it applies (and counts it as one evaluation step). For an annotation keyword that
 * call does nothing while annotations are not collected (our {@code ExecutionConfig} never collects them), but it
 * still reads the validator object: in a catalogue of 2,000 different forms, each with its own titles, a check read
 * ≈ 42 such objects that no other form's check reads, a sixth of what it read of its own form (docs/performance.md
 * "Session 18"). Here such a keyword yields one shared validator: the same call, the same keyword name, the same
 * evaluation step (so the evaluation limits count exactly as before), and nothing of the form's own to read.
 *
 * <p>What stays as networknt builds it: a value that networknt's own keyword would act on when it compiles it — a
 * {@link NonValidationKeyword}'s object or array value, which it searches for {@code $id} and anchors — is handed to
 * the original keyword; and nothing is shared when annotations are collected (the original validators record them).
 */
final class SharedAnnotations {
    private SharedAnnotations() {
    }

    /** 2020-12's keywords that only annotate ({@link AnnotationKeyword} or {@link NonValidationKeyword} there). */
    static final List<String> STANDARD = List.of("title", "description", "default", "examples", "deprecated",
            "$comment");

    /**
     * The keywords that replace {@code base}'s {@link #STANDARD} ones and stand for our own {@code ours} (which
     * networknt would compile as {@link NonValidationKeyword}s).
     *
     * @throws IllegalStateException when {@code base} compiles one of {@link #STANDARD} as anything but an annotation
     */
    static List<Keyword> keywords(Dialect base, List<String> ours) {
        List<Keyword> out = new ArrayList<>();
        for (String name : STANDARD) {
            Keyword original = base.getKeywords().get(name);
            if (!(original instanceof AnnotationKeyword) && !(original instanceof NonValidationKeyword)) {
                throw new IllegalStateException("networknt's 2020-12 dialect compiles [" + name + "] as "
                        + (original == null ? "nothing" : original.getClass().getName()) + ", not as an annotation");
            }
            out.add(new Shared(name, original));
        }
        for (String name : ours) {
            out.add(new Shared(name, new NonValidationKeyword(name)));
        }
        return out;
    }

    /** An annotation keyword whose validators are one object. */
    static final class Shared implements Keyword {
        private final String name;
        private final Keyword original;
        private final KeywordValidator validator;

        Shared(String name, Keyword original) {
            this.name = name;
            this.original = original;
            this.validator = new Validator(name);
        }

        @Override
        public String getValue() {
            return name;
        }

        @Override
        public KeywordValidator newValidator(SchemaLocation location, JsonNode value, Schema parent, SchemaContext context)
                throws Exception {
            if (original instanceof NonValidationKeyword && value.isContainer()) {
                return original.newValidator(location, value, parent, context); // it looks for $id and anchors inside
            }
            return validator;
        }
    }

    /**
     * A keyword that asserts nothing and collects nothing. Its location is the keyword's name alone: networknt reads
     * a validator's location only to name where an evaluation limit was reached, which forms-core reports as a limit
     * of the whole form without the location. It extends networknt's {@link AbstractKeywordValidator}, as every
     * validator it calls does, so that {@code getKeyword()} and {@code getSchemaLocation()}, called for each keyword
     * of each schema a validation applies, keep one implementation (a second one made those calls dearer: +0.5 µs a
     * form check, measured).
     */
    static final class Validator extends AbstractKeywordValidator {
        Validator(String keyword) {
            super(keyword, PlainJson.NODES.missingNode(),
                    SchemaLocation.of("urn:motcua:forms:annotation#/" + Pointers.escape(keyword)));
        }

        @Override
        public void validate(ExecutionContext executionContext, JsonNode node, JsonNode rootNode, NodePath instanceLocation) {
            // an annotation: nothing to assert, and annotations are not collected (ValidationEngine's ExecutionConfig)
        }
    }
}
