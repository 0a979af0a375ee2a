package io.github.motcua.rules.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.kernel.SourceTree;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link PackLoader#engineFile}, which answers a path that cannot be an engine file without running
 * {@link PackLoader#ENGINE_FILE} (issue 15, session 22), against the pattern alone (what the claim pass asked before):
 * every file of the repository as a pack path, those paths under other procedure folders, and mutations around the
 * pattern's edges (line ends the pattern's {@code .} does not cross, empty or nested folders, letter case, the names'
 * prefixes and suffixes, the {@code fees.drl} exception).
 */
class EngineFileTest {

    private static boolean pattern(String path) {
        return PackLoader.ENGINE_FILE.matcher(path).matches();
    }

    @Test
    void sameAnswerAsThePatternAlone() {
        List<String> paths = new ArrayList<>();
        Path root = SourceTree.repository();
        for (Path f : SourceTree.allFiles()) {
            String rel = root.relativize(f).toString().replace('\\', '/');
            paths.add(rel);
            int at = rel.indexOf("/procedures/");
            if (at >= 0) {
                paths.add(rel.substring(at + 1)); // as a pack path
                paths.add("procedures/SYN.00001/" + rel.substring(rel.lastIndexOf('/') + 1));
            }
            at = rel.indexOf("/legal-bases/");
            if (at >= 0) {
                paths.add(rel.substring(at + 1));
            }
        }
        String[] names = {"pack.yaml", "units.yaml", "parameters.yaml", "legal-bases.yaml", "procedure.yaml", "national.yaml",
            "local.yaml", "rules.yaml", "exemptions.yaml", "rules.drl", "fees.drl", "xfees.drl", "fees.drlx", "a.rules.csv",
            "a.rules.xlsx", ".rules.csv", "rules.csv", "a.rules.CSV", "fees.csv", "form.schema.json", "templates/a.ftlh",
            "cases/a.yaml", "cases/", "cases", "cases/x/y.json", "legal-bases/", "legal-bases/a.yaml", "legal-bases", "x.YAML",
            "a.drl.bak", ".yaml", ".drl", "pack.yml"};
        String[] folders = {"", "procedures/1.000363/", "procedures/SYN.00001/", "procedures//", "procedures/a/b/",
            "Procedures/x/", "procedures/x\n/", "procedures/", "legal-bases/", "legal-bases/x/", "x/procedures/a/",
            "procedures/ /", "procedures/cases/", "procedures/a/cases/"};
        String[] ends = {"", "\n", "\r\n", "\u2028", "\u0085", "/", " "};
        for (String folder : folders) {
            for (String name : names) {
                for (String end : ends) {
                    paths.add(folder + name + end);
                    paths.add(folder + name.replace("/", end + "/") + end);
                    paths.add(end + folder + name);
                }
            }
        }
        Random r = new Random(22);
        String alphabet = "procedures/legal-bases/cases/pack.yamlunits.drlrules.csvxlsx\n\r\u2028\u0085 ";
        for (int i = 0; i < 60_000; i++) {
            StringBuilder sb = new StringBuilder(r.nextBoolean() ? "procedures/" : r.nextBoolean() ? "legal-bases/" : "");
            for (int k = r.nextInt(30); k > 0; k--) {
                sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            sb.append(r.nextBoolean() ? names[r.nextInt(names.length)] : "");
            paths.add(sb.toString());
        }
        int engine = 0;
        int spared = 0;
        for (String p : paths) {
            boolean want = pattern(p);
            assertEquals(want, PackLoader.engineFile(p), () -> p.replace("\n", "\\n").replace("\r", "\\r"));
            engine += want ? 1 : 0;
            spared += !p.endsWith(".yaml") && !p.endsWith(".drl") && !p.endsWith(".rules.csv") && !p.endsWith(".rules.xlsx")
                    && !p.startsWith("legal-bases/") && !p.contains("/cases/") ? 1 : 0;
        }
        // both answers occur often, and so do paths the pattern is no longer asked
        assertTrue(engine > 1_000 && paths.size() - engine > 1_000 && spared > 1_000,
                engine + " engine files, " + spared + " answered without the pattern, of " + paths.size());
    }
}
