package io.github.motcua.rules.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.rules.PackProblem;
import java.util.ArrayList;
import java.util.List;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.parser.DrlParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kie.internal.builder.conf.LanguageLevelOption;

/**
 * The descriptor restriction on its own, for constructs the text linter's word list happens to
 * catch first in a pack (so a pack test never reaches this layer): the tree check must refuse them
 * by itself.
 */
class RuleDescriptorsTest {
    static final String HEADER = "package motcua.pX; import io.github.motcua.rules.vocabulary.Form; "
            + "global io.github.motcua.rules.vocabulary.Actions decision;\n";

    static List<PackProblem> check(String text) throws Exception {
        text = text.replace("\\n", "\n"); // a CSV source row is one line
        PackageDescr pd = new DrlParser(LanguageLevelOption.DRL6).parse(false, HEADER + text);
        List<PackProblem> out = new ArrayList<>();
        RuleDescriptors.check(pd, "motcua.pX", 1, new DrlSource("x.drl", text),
                (l, c, code, vi, en) -> new PackProblem("x.drl", l, c, code, vi, en), out);
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "eval|rule r when Form()\\n eval( true ) then end|DRL_FORBIDDEN_CONSTRUCT|2",
        "collect|rule r when\\n Form() from collect( Form() ) then end|DRL_FORBIDDEN_CONSTRUCT|2",
        "package-level dialect|dialect \"mvel\"\\nrule r when Form() then end|DRL_FORBIDDEN_ATTRIBUTE|1",
        "second global|rule r when Form() then end\\nglobal java.lang.String g;|DRL_FORBIDDEN_DECLARATION|2",
        "function import|import function java.lang.System.exit;\\nrule r when Form() then end|DRL_FORBIDDEN_DECLARATION|1",
        "pattern annotation|rule r when\\n Form() @watch(*) then end|DRL_FORBIDDEN_CONSTRUCT|2",
        "rule extends|rule a when Form() then end\\nrule b extends a when Form() then end|DRL_FORBIDDEN_CONSTRUCT|2",
        "auto-focus|rule r auto-focus true when Form() then end|DRL_FORBIDDEN_ATTRIBUTE|1",
        "salience a variable|rule r salience $x when $x : Form() then end|DRL_FORBIDDEN_ATTRIBUTE|1",
    })
    void check_constructOutsideTheAllowlist_isRefusedAtItsLine(String name, String text, String code, int line) throws Exception {
        List<PackProblem> out = check(text);
        assertTrue(out.stream().anyMatch(p -> p.code().equals(code) && p.line() == line), name + ": " + out);
    }

    /** The nouns (load.drl.thing.*) inside load.drl.forbidden, in both languages, as they were written inline. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "auto-focus|rule r auto-focus true when Form() then end|thuộc tính [auto-focus]|attribute [auto-focus]",
        "pattern annotation|rule r when\\n Form() @watch(*) then end|chú thích trên mẫu (@...)|an annotation on a pattern (@...)",
        "eval|rule r when Form()\\n eval( true ) then end|eval|eval",
    })
    void check_forbiddenThing_isNamedInBothLanguages(String name, String text, String vi, String en) throws Exception {
        PackProblem p = check(text).get(0);
        assertEquals("Không được dùng " + vi + " trong tệp quy tắc: tệp chỉ chứa các rule đặt điều kiện trên bộ từ vựng",
                p.messageVi(), name);
        assertEquals(en + " is not allowed in a rule file: a file holds only rules with conditions on the vocabulary",
                p.messageEn(), name);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "plain rule|rule r @basis(\"A\") when Form() then decision.note(\"x\"); end",
        "literal attributes|rule r salience 10 no-loop true agenda-group \"g\" when Form() then end",
    })
    void check_vocabularyRule_isAccepted(String name, String text) throws Exception {
        assertEquals(List.of(), check(text), name);
    }
}
