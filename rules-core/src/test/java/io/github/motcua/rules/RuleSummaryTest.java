package io.github.motcua.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code Engine.rules(code)}: what each rule of a procedure does, read from its text without running it
 * (the citizen guide names conditions, extensions and exemptions by these rules' names).
 */
class RuleSummaryTest {
    @TempDir
    Path dir;

    @Test
    void rules_birth_namesWhatEachRuleAsksFor_withItsBasis() {
        try (Engine e = TestPacks.loaded(TestPacks.source("ho-tich"))) {
            List<RuleSummary> rules = e.rules("1.001193");
            assertEquals(5, rules.size(), rules.toString());
            RuleSummary first = rules.get(0);
            assertEquals("Có giấy chứng sinh thì nộp giấy chứng sinh", first.name());
            assertEquals("procedures/1.001193/rules.drl", first.file());
            assertEquals("LHT-2014-D16", first.basis().id());
            assertEquals(List.of(new RuleSummary.Action(RuleSummary.Kind.REQUIRE, "giay-chung-sinh", null)), first.actions());
            assertTrue(first.asksFor("giay-chung-sinh"));
            assertFalse(first.asksFor("to-khai"));
            // requireOneOf: one action per member, the group as its text; the note after it
            RuleSummary group = rules.get(1);
            assertEquals(List.of(new RuleSummary.Action(RuleSummary.Kind.REQUIRE_ONE_OF, "van-ban-lam-chung", "thay-giay-chung-sinh"),
                    new RuleSummary.Action(RuleSummary.Kind.REQUIRE_ONE_OF, "giay-cam-doan", "thay-giay-chung-sinh"),
                    new RuleSummary.Action(RuleSummary.Kind.NOTE, null, "Không có người làm chứng thì nộp giấy cam đoan về việc sinh")),
                    group.actions());
            assertEquals(List.of(new RuleSummary.Action(RuleSummary.Kind.EXEMPT, "le-phi-khai-sinh",
                    "Đăng ký khai sinh đúng hạn (trong 60 ngày kể từ ngày sinh)")), rules.get(2).actions());
        }
    }

    @Test
    void rules_marriage_conditionsAndTheReplacedTimeLimit() {
        try (Engine e = TestPacks.loaded(TestPacks.source("ho-tich"))) {
            List<RuleSummary> rules = e.rules("1.000894");
            assertEquals(List.of("Bên nam chưa đủ 20 tuổi thì không đủ điều kiện kết hôn",
                    "Bên nữ chưa đủ 18 tuổi thì không đủ điều kiện kết hôn",
                    "Hai bên nam, nữ phải cùng có mặt khi đăng ký kết hôn"),
                    rules.stream().filter(r -> r.does(RuleSummary.Kind.INELIGIBLE)).map(RuleSummary::name).toList());
            assertEquals("Bên nam chưa đủ 20 tuổi", rules.get(0).actions().get(0).text(), "the Vietnamese reason");
            RuleSummary replace = rules.stream().filter(r -> r.does(RuleSummary.Kind.REPLACE_DEADLINE)).findFirst().orElseThrow();
            assertEquals("Cần xác minh điều kiện kết hôn", replace.actions().get(0).text());
        }
    }

    @Test
    void rules_unknownProcedure_orNoPack_isEmpty() {
        try (Engine e = TestPacks.engine()) {
            assertEquals(List.of(), e.rules("1.001193"));
            // a null code is a programming error (session 17: it answered empty), with or without a pack
            assertEquals("procedureCode", org.junit.jupiter.api.Assertions.assertThrows(NullPointerException.class,
                    () -> e.rules(null)).getMessage());
            e.load(TestPacks.source("ho-tich")).orThrow();
            assertEquals(List.of(), e.rules("9.999999"));
            org.junit.jupiter.api.Assertions.assertThrows(NullPointerException.class, () -> e.rules(null));
        }
    }

    @Test
    void rules_commentsAndStringsThatLookLikeActions_areNotActions() {
        Path p = TestPacks.copy("ho-tich", dir);
        TestPacks.edit(p.resolve("procedures/1.001193/rules.drl"), s -> s + """

                // decision.require("giay-cam-doan") in a comment is not an action
                rule "Ghi chú có chữ giống hành động"
                  @basis("LHT-2014-D16")
                when
                  Form( text("giayChungSinh") == "CO" )
                then
                  decision.note("decision.require(giay-cam-doan) chỉ là chữ");
                end
                """);
        try (Engine e = TestPacks.loaded(p)) {
            RuleSummary last = e.rules("1.001193").get(5);
            assertEquals("Ghi chú có chữ giống hành động", last.name());
            assertEquals(List.of(new RuleSummary.Action(RuleSummary.Kind.NOTE, null, "decision.require(giay-cam-doan) chỉ là chữ")),
                    last.actions());
        }
    }
}
