package io.github.motcua.examples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code new-pack FOLDER}: creates a pack that passes {@code check} as created: pack.yaml, one real
 * legal basis (the one-stop-shop decree), the shared form definitions {@code urn:motcua:forms:common}
 * that {@code new-procedure} refers to, and an empty {@code procedures/}. Never overwrites. Not
 * thread-safe.
 */
@Command(name = "new-pack", mixinStandardHelpOptions = true)
public final class NewPackCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FOLDER")
    Path folder;

    @Option(names = "--province", defaultValue = "Chưa đặt tên", paramLabel = "TÊN")
    String province;

    @Option(names = "--lang", defaultValue = "vi", paramLabel = "vi|en")
    String lang;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        boolean en = "en".equalsIgnoreCase(lang);
        try {
            if (Files.isDirectory(folder)) {
                try (var list = Files.list(folder)) {
                    if (list.findAny().isPresent()) {
                        err.println(CliMessages.text(en, "CLI_FOLDER_NOT_EMPTY", "folder", folder));
                        return ExitCodes.BAD_ARGUMENT;
                    }
                }
            }
            Map<String, String> files = skeleton(id(folder), province);
            Files.createDirectories(folder.resolve("procedures"));
            for (Map.Entry<String, String> f : files.entrySet()) {
                Path p = folder.resolve(f.getKey());
                Files.createDirectories(p.getParent());
                Files.writeString(Files.createFile(p), f.getValue(), StandardCharsets.UTF_8);
                out.println(CliMessages.text(en, "CLI_CREATED", "file", f.getKey()));
            }
        } catch (FileAlreadyExistsException e) {
            err.println(CliMessages.text(en, "CLI_ALREADY_EXISTS", "file", e.getFile()));
            return ExitCodes.BAD_ARGUMENT;
        } catch (IOException e) {
            err.println(CliMessages.text(en, "CLI_CANNOT_WRITE", "file", folder, "detail", e.getMessage()));
            return ExitCodes.IO;
        }
        out.println(CliMessages.text(en, "CLI_ADD_PROCEDURE", "command", Hints.cli() + " new-procedure " + folder));
        out.println(CliMessages.text(en, "CLI_CHECK_PACK", "command", Hints.cli() + " check " + folder));
        return ExitCodes.OK;
    }

    /** A pack id from the folder name: lower-case letters, digits and hyphens. */
    static String id(Path folder) {
        Path name = folder.toAbsolutePath().normalize().getFileName();
        String s = java.text.Normalizer.normalize(name == null ? "pack" : name.toString(), java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").replace('đ', 'd').replace('Đ', 'D').toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return s.isEmpty() ? "pack" : s;
    }

    /** The files of a new pack by pack-relative path. */
    static Map<String, String> skeleton(String id, String province) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("pack.yaml", """
                # Bộ quy tắc %1$s (docs/pack-format.md, mục pack.yaml). Sửa tên, tỉnh và mã tỉnh cho đúng.
                # Pack %1$s (docs/pack-format.md, "pack.yaml"). Correct the name, province and province code.
                id: %1$s
                version: "0.1.0"
                name: { vi: "Bộ quy tắc %2$s", en: "%2$s pack" }
                jurisdiction: { province: "%2$s" }
                zone: Asia/Ho_Chi_Minh
                # Giờ làm việc, giờ chốt nhận hồ sơ... chỉ áp dụng khi bộ quy tắc nêu, kèm căn cứ (docs/calendar.md).
                # Office hours, a cut-off hour... apply only when the pack states them, with their basis (docs/calendar.md).
                """.formatted(id, yamlText(province)));
        m.put("legal-bases/procedures.yaml", """
                # Căn cứ pháp lý (docs/pack-format.md, mục legal-bases): mỗi quy tắc, thời hạn, khoản phí nêu một id ở đây.
                # Legal bases: every rule, deadline and fee names an id from here. Mark what you have not checked verified: false.
                - id: ND118-2025
                  act: "Nghị định 118/2025/NĐ-CP về thực hiện thủ tục hành chính theo cơ chế một cửa, một cửa liên thông"
                  validFrom: 2025-07-01
                  verified: false
                  note: "Điều, khoản chưa kiểm tra / articles not checked"
                """);
        m.put("forms/common.schema.json", resource("scaffold/common.schema.json"));
        m.put("procedures/README.md", """
                # Thủ tục — procedures
                Mỗi thủ tục một thư mục mang mã thủ tục. Tạo bằng / create one with:
                `%s new-procedure . MÃ_THỦ_TỤC` (chạy trong thư mục bộ quy tắc / run in the pack folder).
                """.formatted(Hints.cli()));
        return m;
    }

    private static String yamlText(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static String resource(String name) {
        try (InputStream in = NewPackCommand.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
