package io.github.motcua.catalogue.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.fees.FeeKind;
import io.github.motcua.fees.FeeLine;
import io.github.motcua.rules.Decision;
import io.github.motcua.rules.Eligibility;
import io.github.motcua.rules.Engine;
import io.github.motcua.rules.Motcua;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Imported procedures decide with the fees their record states (issue 13 item 4): a generated fees.csv with
 * only what the record supports — unverified, kind not stated, citing the publishing decision — and no
 * table at all (never 0 đ) when a fee could not be read exactly.
 */
class ImportedFeesTest {
    @TempDir
    Path tmp;

    private static Decision decide(Path pack, String code, String channel) {
        try (Engine engine = Motcua.engine().build()) {
            engine.load(pack).orThrow();
            return engine.decide("{\"procedure\": \"" + code + "\", \"channel\": \"" + channel
                    + "\", \"receivedAt\": \"2026-03-02T09:00:00+07:00\"}");
        }
    }

    @Test
    void aRealRecordWithAStatedZeroFee_decidesIt_unverifiedKindUnstatedCitingThePublishingDecision() throws Exception {
        Path pack = ImportFixtures.pack(tmp);
        assertTrue(Importer.into(pack).importRecords(List.of(ImportFixtures.record("1.000363"))).ok());
        String csv = Files.readString(pack.resolve("procedures/1.000363/fees.csv"), StandardCharsets.UTF_8);
        assertTrue(csv.startsWith(ImportedFees.MARKER), csv);
        Decision d = decide(pack, "1.000363", "DESK");
        assertEquals(Eligibility.NOT_ASSESSED, d.eligibility());
        assertEquals(0, d.fees().total().dong());
        FeeLine l = d.fees().lines().get(0);
        assertEquals(FeeKind.UNSTATED, l.kind(), "the record says FEE, not phí or lệ phí");
        assertFalse(l.verified());
        assertEquals("QG-CB-01-QD-BCT", l.basis().id());
        assertFalse(l.basis().verified());
        String bases = Files.readString(pack.resolve("legal-bases/national.yaml"), StandardCharsets.UTF_8);
        assertTrue(bases.contains("Quyết định 01/QĐ-BCT công bố thủ tục hành chính"), bases);
        // per-value provenance: the row names the record and the pointer of each value it was read from
        assertTrue(csv.contains("019d2bf7-d4e0-7489-babe-85efb095e942 /executionMethods/0/fees/0"), csv);
    }

    @Test
    void differentAmountsPerChannel_areChannelRows() throws Exception {
        Path pack = ImportFixtures.pack(tmp);
        Path in = Files.createDirectory(tmp.resolve("in"));
        ImportFixtures.write(in, "a.json", ImportFixtures.record("9.000010", "["
                + ImportFixtures.method("DIRECT", "5", "WORKING_DAY", "[{\"type\":\"FEE\",\"value\":50000}]") + ","
                + ImportFixtures.method("ONLINE", "5", "WORKING_DAY", "[{\"type\":\"FEE\",\"value\":25000}]") + "]", ""));
        assertTrue(Importer.into(pack).importRecords(List.of(in)).ok());
        Decision desk = decide(pack, "9.000010", "DESK");
        Decision online = decide(pack, "9.000010", "ONLINE");
        assertEquals(50_000, desk.fees().total().dong());
        assertEquals(25_000, online.fees().total().dong());
        assertTrue(desk.fees().lines().stream().noneMatch(FeeLine::verified));
    }

    @Test
    void aFeeThatCannotBeReadExactly_leavesNoTable_neverZero() throws Exception {
        Path pack = ImportFixtures.pack(tmp);
        // 1.013377: a 0 FEE beside a 500.000 SERVICE_FEE whose text points to a circular (unknown)
        assertTrue(Importer.into(pack).importRecords(List.of(ImportFixtures.record("1.013377"))).ok());
        assertFalse(Files.exists(pack.resolve("procedures/1.013377/fees.csv")));
        Decision d = decide(pack, "1.013377", "DESK");
        assertEquals(Eligibility.NOT_ASSESSED, d.eligibility());
        assertNull(d.fees(), "a decision must not read 0 đ for a fee nobody could read");
    }

    @Test
    void reImport_keepsTheAnalystsTable_andDropsAGeneratedOneTheRecordNoLongerSupports() throws Exception {
        Path pack = ImportFixtures.pack(tmp);
        Path in = Files.createDirectory(tmp.resolve("in"));
        Path rec = ImportFixtures.write(in, "a.json", ImportFixtures.record("9.000011",
                "[" + ImportFixtures.method("DIRECT", "5", "WORKING_DAY", "[{\"type\":\"FEE\",\"value\":50000}]") + "]", ""));
        assertTrue(Importer.into(pack).importRecords(List.of(in)).ok());
        Path fees = pack.resolve("procedures/9.000011/fees.csv");
        assertTrue(Files.exists(fees));
        // the record now says nothing about fees: the generated table goes
        ImportFixtures.write(in, "a.json", ImportFixtures.record("9.000011",
                "[" + ImportFixtures.method("DIRECT", "5", "WORKING_DAY", "[]") + "]", ""));
        assertTrue(Importer.into(pack).importRecords(List.of(rec)).ok());
        assertFalse(Files.exists(fees));
        // an analyst's own table (no marker) survives every import
        Files.writeString(fees, "item,kind,nameVi,rate,basis,verified,note\n"
                + "le-phi,LE_PHI,Lệ phí thử,30000,QG-99-2026-ND-CP,false,đang rà soát\n", StandardCharsets.UTF_8);
        ImportFixtures.write(in, "a.json", ImportFixtures.record("9.000011",
                "[" + ImportFixtures.method("DIRECT", "5", "WORKING_DAY", "[{\"type\":\"FEE\",\"value\":50000}]") + "]", ""));
        assertTrue(Importer.into(pack).importRecords(List.of(rec)).ok());
        assertTrue(Files.readString(fees, StandardCharsets.UTF_8).startsWith("item,kind,nameVi"));
        assertEquals(30_000, decide(pack, "9.000011", "DESK").fees().total().dong());
    }
}
