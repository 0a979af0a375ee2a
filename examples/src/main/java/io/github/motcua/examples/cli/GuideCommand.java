package io.github.motcua.examples.cli;

import io.github.motcua.examples.catalog.Catalogues;
import io.github.motcua.examples.catalog.ProcedureGuide;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code guide PACK CODE [--format html|text]}: the dossier guide of one procedure. Not thread-safe. */
@Command(name = "guide", mixinStandardHelpOptions = true,
        description = {"Trang hướng dẫn chuẩn bị hồ sơ của một thủ tục theo Điều 16 Nghị định 118/2025/NĐ-CP: thành phần hồ sơ, "
                + "cơ quan có thẩm quyền, trình tự và thời hạn, phí, lệ phí.",
            "The dossier guide of one procedure as Decree 118/2025/NĐ-CP Art. 16 asks: papers to submit, competent "
                + "authority, process and deadline, fees and charges."})
public final class GuideCommand implements Callable<Integer> {
    /** Output formats. */
    enum Format { html, text }

    @Parameters(index = "0", paramLabel = "PACK", description = {"Thư mục bộ quy tắc, hoặc gói dựng sẵn (lệnh build).", "The pack folder, or a prebuilt pack (the build command)."})
    Path pack;

    @Parameters(index = "1", paramLabel = "CODE", description = {"Mã thủ tục, ví dụ 1.001193.", "The procedure code, e.g. 1.001193."})
    String code;

    @Option(names = "--format", defaultValue = "html", paramLabel = "html|text",
            description = {"Định dạng (mặc định html).", "Output format (default html)."})
    Format format;

    @Mixin
    PublishOptions publish = new PublishOptions();

    @Mixin
    PackOptions options = new PackOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return options.publish(pack, publish.asOf, publish.outFile, spec.commandLine().getOut(), spec.commandLine().getErr(),
                (engine, date) -> {
                    ProcedureGuide g = Catalogues.guide(engine, PackOptions.feeTables(engine), code, date);
                    return format == Format.text ? Catalogues.guideText(g, options.locale())
                            : Catalogues.guideHtml(g, options.locale());
                });
    }
}
