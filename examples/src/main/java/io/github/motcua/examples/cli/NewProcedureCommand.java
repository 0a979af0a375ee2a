package io.github.motcua.examples.cli;

import io.github.motcua.kernel.PackNode;
import io.github.motcua.kernel.PackReadException;
import io.github.motcua.kernel.PackReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code new-procedure PACK CODE}: creates {@code procedures/CODE/} with a skeleton to fill in. Every
 * place to fill is marked {@code TODO}; until filled, {@code check} reports each one as a plain
 * problem (schema value, unknown legal basis), never a crash. Not thread-safe.
 */
@Command(name = "new-procedure", mixinStandardHelpOptions = true)
public final class NewProcedureCommand implements Callable<Integer> {
    /** The procedure-code pattern of procedure.schema.json; it admits no path separator and no leading dot. */
    static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    /** The {@code $id} of the pack's shared form definitions. */
    static final String COMMON_FORMS = "urn:motcua:forms:common";
    /** The limits forms-core reads a pack's schemas with (5 MB a file). */
    static final PackReader.Limits FORMS_LIMITS = new PackReader.Limits(5L * 1024 * 1024, 50_000, 64);

    @Parameters(index = "0", paramLabel = "PACK")
    Path pack;

    @Parameters(index = "1", paramLabel = "CODE")
    String code;

    @Option(names = "--lang", defaultValue = "vi", paramLabel = "vi|en")
    String lang;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        boolean en = "en".equalsIgnoreCase(lang);
        if (!CODE.matcher(code).matches()) {
            err.println(CliMessages.text(en, "CLI_BAD_CODE", "code", code));
            return ExitCodes.BAD_ARGUMENT;
        }
        if (!Files.isRegularFile(pack.resolve("pack.yaml"))) {
            err.println(CliMessages.text(en, "CLI_NO_PACK_YAML", "pack", pack));
            return ExitCodes.BAD_ARGUMENT;
        }
        Path dir = pack.resolve("procedures").resolve(code);
        if (Files.exists(dir)) {
            err.println(CliMessages.text(en, "CLI_PROCEDURE_EXISTS", "folder", dir));
            return ExitCodes.BAD_ARGUMENT;
        }
        boolean common;
        try {
            common = hasCommonForms(PackReader.of(pack, FORMS_LIMITS));
        } catch (PackReadException e) {
            // a schema the engine would refuse too (over the size limit, a link out of the pack, not UTF-8, not JSON)
            err.println(e.problem().format(en ? Locale.ENGLISH : Locale.forLanguageTag("vi")));
            return ExitCodes.PACK_PROBLEMS;
        }
        Map<String, String> files = skeleton(code, common);
        try {
            Files.createDirectories(dir.getParent());
            Files.createDirectory(dir); // fails if another process created it meanwhile: never overwrite
            Files.createDirectory(dir.resolve("cases"));
            for (Map.Entry<String, String> f : files.entrySet()) {
                Files.writeString(Files.createFile(dir.resolve(f.getKey())), f.getValue(), StandardCharsets.UTF_8);
            }
        } catch (FileAlreadyExistsException e) {
            err.println(CliMessages.text(en, "CLI_ALREADY_EXISTS", "file", e.getFile()));
            return ExitCodes.BAD_ARGUMENT;
        } catch (IOException e) {
            err.println(CliMessages.text(en, "CLI_CANNOT_WRITE", "file", dir, "detail", e.getMessage()));
            return ExitCodes.IO;
        }
        for (String f : files.keySet()) {
            out.println(CliMessages.text(en, "CLI_CREATED", "file", pack.relativize(dir.resolve(f)).toString().replace('\\', '/')));
        }
        out.println(CliMessages.text(en, "CLI_FILL_TODO", "command", Hints.cli() + " check " + pack));
        return ExitCodes.OK;
    }

    /**
     * Whether the pack declares the shared form definitions {@code urn:motcua:forms:common}: a
     * {@code forms/*.json} whose top-level {@code $id} is that URN. Read through the kernel's pack reader
     * (size limit of forms, links refused, UTF-8) and parsed into its positioned tree, so a hostile
     * schema is a problem, never a hang.
     *
     * @throws PackReadException the first schema the reader refuses (every one is read), with its file, line
     *         and column
     */
    static boolean hasCommonForms(PackReader reader) {
        boolean common = false;
        for (String f : reader.list("forms", ".json")) { // every one: a schema check would refuse is reported now
            Optional<String> text = reader.text(f);
            if (text.isEmpty()) {
                continue;
            }
            PackNode schema = PackReader.yaml(f, text.get(), reader.limits());
            PackNode id = schema.isMap() ? schema.get("$id") : null;
            common |= id != null && id.isScalar() && COMMON_FORMS.equals(id.text());
        }
        return common;
    }

    /** The skeleton files with a form referring to the shared definitions (a pack made by new-pack has them). */
    static Map<String, String> skeleton(String code) {
        return skeleton(code, true);
    }

    /**
     * The skeleton files by procedure-relative path, in creation order; without the pack's shared
     * definitions the form describes the applicant itself, so it compiles in any pack.
     */
    static Map<String, String> skeleton(String code, boolean commonForms) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("procedure.yaml", """
                # Thủ tục %1$s — điền mọi chỗ TODO (xem docs/pack-format.md, mục procedure.yaml), rồi chạy `java -jar …/motcua-cli.jar check PACK`.
                # Fill in every TODO (docs/pack-format.md, "procedure.yaml"), then run `java -jar …/motcua-cli.jar check PACK`.
                code: "%1$s"
                name: { vi: "TODO tên thủ tục", en: "TODO procedure name" }
                field: { vi: "TODO lĩnh vực", en: "TODO field" }
                level: TODO                  # COMMUNE (cấp xã) | PROVINCE (cấp tỉnh)
                agency: { vi: "TODO cơ quan thực hiện", en: "TODO deciding agency" }
                channels: [DESK]             # DESK | ONLINE | POST
                onlineLevel: NONE            # FULL (toàn trình) | PARTIAL (một phần) | NONE
                boundaryFree: false          # true: tiếp nhận phi địa giới hành chính
                result: { vi: "TODO kết quả giải quyết", en: "TODO result" }
                legalBases: [TODO-CAN-CU]    # id trong legal-bases/*.yaml / ids from legal-bases/*.yaml
                deadline: { amount: TODO, unit: WORKING_DAYS, basis: TODO-CAN-CU }   # WORKING_DAYS | WORKING_HOURS | CALENDAR_DAYS | SAME_DAY (amount 0)
                steps:
                  - { id: tiep-nhan, role: "Bộ phận Một cửa", name: "Tiếp nhận, kiểm tra hồ sơ", budget: { amount: 1, unit: WORKING_HOURS } }
                components:
                  - id: to-khai
                    name: { vi: "TODO Tờ khai", en: "TODO Application form" }
                    form: ORIGINAL           # ORIGINAL | CERTIFIED_COPY | ELECTRONIC_COPY | COPY_WITH_ORIGINAL
                    quantity: 1
                    presence: REQUIRED       # REQUIRED | OPTIONAL | CONDITIONAL
                    basis: TODO-CAN-CU
                """.formatted(code));
        m.put("form.schema.json", """
                {
                  "$schema": "https://json-schema.org/draft/2020-12/schema",
                  "$id": "urn:motcua:forms:procedure:%1$s",
                  "title": "TODO Tờ khai",
                  "x-title-en": "TODO Application form",
                  "type": "object",
                  "properties": {
                    "nguoiYeuCau": %2$s
                  }
                }
                """.formatted(code, commonForms ? """
                {
                      "$ref": "urn:motcua:forms:common#/$defs/person",
                      "title": "Người yêu cầu",
                      "x-title-en": "Applicant"
                    }""".strip() : """
                {
                      "type": "object",
                      "title": "Người yêu cầu",
                      "x-title-en": "Applicant",
                      "properties": {
                        "hoTen": { "type": "string", "title": "Họ, chữ đệm và tên", "x-title-en": "Full name", "minLength": 1, "maxLength": 100 },
                        "soDinhDanh": { "type": "string", "title": "Số định danh cá nhân", "x-title-en": "Personal identification number", "format": "vn-personal-id" }
                      },
                      "additionalProperties": false
                    }""".strip()));
        m.put("rules.drl", """
                // Quy tắc của thủ tục %1$s (docs/rule-authoring.md). Bỏ chú thích và sửa quy tắc mẫu dưới đây.
                // Rules of procedure %1$s (docs/rule-authoring.md). Uncomment and adapt the example below.
                //
                // rule "Người yêu cầu chưa đủ 18 tuổi thì không đủ điều kiện"
                //   @basis("TODO-CAN-CU")
                // when
                //   Applicant( age >= 0, age < 18 )
                // then
                //   decision.ineligible("Người yêu cầu chưa đủ 18 tuổi", "The applicant is under 18");
                // end
                """.formatted(code));
        m.put("fees.csv", """
                # Biểu phí của thủ tục %1$s (docs/fees.md): thêm một dòng RATE cho mỗi khoản phí, lệ phí, kèm căn cứ.
                type,item,kind,nameVi,nameEn,tariff,rate,fromUnit,unitRate,cap,unitPath,copiesPath,charge,channel,categories,percent,stacks,validFrom,validTo,basis,verified,note
                """.formatted(code));
        m.put("cases/co-ban.yaml", """
                # Ca kiểm thử đầu tiên (docs/pack-format.md, mục Cases): sửa ngày, hồ sơ và kết quả mong đợi.
                - name: "TODO Hồ sơ đầy đủ thì đủ điều kiện"
                  dossier:
                    procedure: "%1$s"
                    channel: DESK
                    receivedAt: "2026-03-02T09:00:00+07:00"
                    form: {}
                  expect:
                    # NOT_ASSESSED while rules.drl holds no rule; ELIGIBLE once a rule checks the conditions
                    eligibility: NOT_ASSESSED
                    components: { required: [to-khai] }
                """.formatted(code));
        return m;
    }
}
