package io.github.motcua.catalogue.imports;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/** Test helpers: the shared real records, a fresh copy of the mini pack, a digest of a folder. */
final class ImportFixtures {
    private ImportFixtures() {
    }

    static Path resource(String name) {
        try {
            return Path.of(ImportFixtures.class.getClassLoader().getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The 21 real records, copied unchanged from the shared set (SOURCE.md beside them). */
    static Path records() {
        return resource("dvc-records");
    }

    static Path record(String code) {
        return records().resolve(code + ".json");
    }

    /** A fresh copy of the mini pack (no procedure of its own) under dir. */
    static Path pack(Path dir) throws IOException {
        Path from = resource("packs/mini");
        Path to = dir.resolve("mini");
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes a) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(d).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes a) throws IOException {
                Files.copy(f, to.resolve(from.relativize(f).toString()));
                return FileVisitResult.CONTINUE;
            }
        });
        return to;
    }

    /** SHA-256 over every path and its bytes, so a test can see that a folder did not change at all. */
    static String digest(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Path p : s.sorted().toList()) {
                md.update(dir.relativize(p).toString().getBytes(StandardCharsets.UTF_8));
                if (Files.isRegularFile(p)) {
                    md.update(Files.readAllBytes(p));
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path write(Path dir, String name, String json) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, json, StandardCharsets.UTF_8);
        return f;
    }

    /** A small valid record; {@code extra} is spliced into the top-level object. */
    static String record(String code, String methods, String extra) {
        return """
                {"id": "test-%s", "code": "%s", "name": "Thủ tục thử %s", "updatedAt": 1775836631502,
                 "categoriesDetails": [{"name": "Thử nghiệm"}], "isWard": false, "isProvince": true, "isMinistry": false,
                 "departmentsExecuting": [{"name": "Sở Thử nghiệm"}], "isFullProcess": false, "isNonTerritorial": false,
                 "isOfflineOnly": false, "executionMethods": %s,
                 "executionCases": [{"name": "", "profileComponents": [{"name": "Đơn đề nghị", "originalQty": 1, "copyQty": 0,
                   "required": false, "hasElectronicForm": true, "code": "KQ1", "attachments": [{"fileName": "mau-don.docx"}]}]}],
                 "legalBasisesDetails": [{"id": "b1", "name": "Nghị định thử", "code": "99/2026/NĐ-CP"}],
                 "procedureProposal": {"proposalNumber": "1/QĐ-TEST", "decisionDate": 1775836631502}%s}
                """.formatted(code, code, code, methods, extra);
    }

    static String method(String channel, String time, String unit, String fees) {
        return "{\"submissionMethod\": \"" + channel + "\", \"processingTime\": " + time + ", \"processingTimeUnit\": \"" + unit
                + "\", \"fees\": " + fees + "}";
    }

    static List<Path> list(Path... p) {
        return List.of(p);
    }
}
