package io.github.motcua.rules.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.motcua.kernel.SourceTree;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The fee and form sections' {@code claims}, which now try their patterns only for a name that could match them,
 * against the patterns alone (what they answered before): every file of the repository as a pack path, those paths
 * under another procedure folder, and mutations around the patterns' edges (line ends, empty or nested folders,
 * letter case, the names' prefixes and suffixes).
 */
class SectionClaimsTest {
    private static final Pattern FEE_FILE = Pattern.compile("^procedures/([^/]+)/fees\\.(csv|xlsx)$");
    private static final Pattern FEE_DRL = Pattern.compile("^procedures/[^/]+/fees\\.drl$");
    private static final Pattern FEE_EXEMPTIONS_FILE = Pattern.compile("^procedures/([^/]+)/fee-exemptions\\.(csv|xlsx)$");
    private static final Pattern FORM_FILE = Pattern.compile("procedures/[^/]+/(form\\.schema\\.json|templates/.+)");

    private static boolean oldFees(String path) {
        return path.equals("exemptions.yaml") || FEE_FILE.matcher(path).matches() || FEE_DRL.matcher(path).matches()
                || FEE_EXEMPTIONS_FILE.matcher(path).matches();
    }

    private static boolean oldForms(String path) {
        return path.startsWith("forms/") || path.startsWith("templates/") || FORM_FILE.matcher(path).matches();
    }

    @Test
    void sameClaimsAsThePatternsAlone() {
        List<String> paths = new ArrayList<>();
        Path root = SourceTree.repository();
        for (Path f : SourceTree.allFiles()) {
            String rel = root.relativize(f).toString().replace('\\', '/');
            paths.add(rel);
            int at = rel.indexOf("/procedures/");
            if (at >= 0) {
                paths.add(rel.substring(at + 1)); // as a pack path
            }
        }
        String[] names = {"fees.csv", "fees.xlsx", "fees.drl", "fee-exemptions.csv", "fee-exemptions.xlsx", "form.schema.json",
            "templates/a.ftlh", "templates/", "templates/x/y", "fees.CSV", "FEES.csv", "xfees.csv", "fees.csvx", "fees.csv.bak",
            "fee-exemptions.xls", "form.schema.jsonx", "aform.schema.json", "exemptions.yaml", "procedure.yaml", "rules.drl"};
        String[] folders = {"procedures/1.000363/", "procedures/SYN.00001/", "procedures//", "procedures/a/b/", "Procedures/x/",
            "procedures/x\n/", "procedures/", "procedures/templates/", "forms/", "templates/", "", "x/procedures/a/", "procedures/ /"};
        String[] ends = {"", "\n", "\r\n", "\u2028", "\u0085", "/", " ", "\n\n"};
        for (String folder : folders) {
            for (String name : names) {
                for (String end : ends) {
                    paths.add(folder + name + end);
                    paths.add(folder + name.replace("/", end + "/") + end);
                }
            }
        }
        Random r = new Random(5);
        String alphabet = "procedures/fees.csvxlsxdrlform.schema.jsontemplates-exemptions\n\r\u2028 ";
        for (int i = 0; i < 50_000; i++) {
            StringBuilder sb = new StringBuilder(r.nextBoolean() ? "procedures/" : "");
            for (int k = r.nextInt(30); k > 0; k--) {
                sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            sb.append(r.nextBoolean() ? names[r.nextInt(names.length)] : "");
            paths.add(sb.toString());
        }
        BuiltInSections.FeeSection fees = new BuiltInSections.FeeSection();
        BuiltInSections.FormSection forms = new BuiltInSections.FormSection(true);
        int feeClaims = 0;
        int formClaims = 0;
        for (String p : paths) {
            assertEquals(oldFees(p), fees.claims(p), () -> "fees: " + p.replace("\n", "\\n"));
            assertEquals(oldForms(p), forms.claims(p), () -> "forms: " + p.replace("\n", "\\n"));
            feeClaims += oldFees(p) ? 1 : 0;
            formClaims += oldForms(p) ? 1 : 0;
        }
        assertTrue(feeClaims > 100 && formClaims > 100, feeClaims + " fee and " + formClaims + " form claims of " + paths.size());
    }
}
