package io.github.motcua.catalogue.imports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * Reduces a national layer, or a hand-written procedure folder, to comparable values (deadline and fees per
 * channel, components, legal bases, toàn trình, phi địa giới ...), so that a re-import prints a diff and
 * {@code import --check} a drift report. Stateless.
 */
final class Summaries {
    private Summaries() {
    }

    /** The comparable values of a national layer (national.yaml). */
    static Map<String, String> national(JsonNode n) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("name", n.get("name").asString());
        m.put("level", n.get("level").asString());
        m.put("agency", n.get("agency").get("name") == null ? "unknown" : n.get("agency").get("name").asString());
        m.put("channels", joinSorted(n.get("channels")));
        m.put("toanTrinh", flag(n.get("isFullProcess")));
        m.put("phiDiaGioi", flag(n.get("isNonTerritorial")));
        Map<String, List<String>> dl = new TreeMap<>();
        for (JsonNode d : n.get("deadlines")) {
            dl.computeIfAbsent(d.get("channel").asString(), k -> new ArrayList<>()).add(deadline(d));
        }
        dl.forEach((k, v) -> m.put("deadline." + k, String.join(" | ", new TreeSet<>(v))));
        Map<String, List<String>> fees = new TreeMap<>();
        for (JsonNode f : n.get("fees")) {
            fees.computeIfAbsent(f.get("channel").asString(), k -> new ArrayList<>()).add(fee(f));
        }
        fees.forEach((k, v) -> m.put("fees." + k, String.join(" | ", new TreeSet<>(v))));
        List<String> comps = new ArrayList<>();
        for (JsonNode c : n.get("components")) {
            comps.add(c.get("name").asString() + " (" + ImportMessages.vi("note.copies", "originals", q(c.get("originals")),
                    "copies", q(c.get("copies"))) + ")");
        }
        m.put("components", comps.size() + ": " + String.join("; ", comps));
        List<String> bases = new ArrayList<>();
        n.get("legalBases").forEach(b -> bases.add(b.get("number").asString().isEmpty() ? b.get("id").asString()
                : b.get("number").asString()));
        m.put("legalBases", String.join("; ", new TreeSet<>(bases)));
        return m;
    }

    static String deadline(JsonNode d) {
        return d.get("amount") == null ? "unknown" : d.get("amount").asString() + " " + d.get("unit").asString();
    }

    static String fee(JsonNode f) {
        String type = f.get("type") == null ? "none listed" : f.get("type").asString();
        if ("KNOWN".equals(f.get("status").asString())) {
            return type + " " + f.get("amount").asLong();
        }
        return type + " unknown" + (f.get("value") == null ? "" : "(" + f.get("value").asString() + ")");
    }

    private static String q(JsonNode n) {
        return n == null || n.isNull() ? "?" : n.asString();
    }

    private static String flag(JsonNode n) {
        return n == null || n.isNull() ? "unknown" : Boolean.toString(n.asBoolean());
    }

    private static String joinSorted(JsonNode arr) {
        TreeSet<String> s = new TreeSet<>();
        arr.forEach(x -> s.add(x.asString()));
        return String.join(", ", s);
    }

    /**
     * Every difference between a hand-written procedure folder and its national layer: deadline per channel,
     * fees, components, legal bases, toàn trình, phi địa giới, channels.
     */
    static List<Change> drift(String code, Path folder, JsonNode nat, Map<String, String> packBases) throws IOException {
        List<Change> out = new ArrayList<>();
        JsonNode p = Layers.readYaml(folder.resolve("procedure.yaml"));
        Map<String, String> n = national(nat);
        TreeSet<String> packChannels = new TreeSet<>();
        p.get("channels").forEach(c -> packChannels.add(c.asString()));
        if (!String.join(", ", packChannels).equals(n.get("channels"))) {
            out.add(new Change(code, Change.Kind.DRIFT, "channels", String.join(", ", packChannels), n.get("channels")));
        }
        JsonNode d = p.get("deadline");
        String packDeadline = d.get("amount") == null ? "unknown"
                : d.get("amount").asString() + " " + d.get("unit").asString();
        for (String ch : new TreeSet<>(union(packChannels, nat.get("channels")))) {
            String nv = n.getOrDefault("deadline." + ch, "");
            String pv = packChannels.contains(ch) ? packDeadline : "";
            if (!nv.equals(pv)) {
                out.add(new Change(code, Change.Kind.DRIFT, "deadline." + ch, pv, nv));
            }
        }
        String packFees = packFees(folder);
        TreeSet<String> packAmounts = new TreeSet<>();
        java.util.regex.Matcher mm = java.util.regex.Pattern.compile(" (\\d+)(?:/(\\d+))?").matcher(packFees);
        while (mm.find()) {
            packAmounts.add(mm.group(1));
            if (mm.group(2) != null) {
                packAmounts.add(mm.group(2));
            }
        }
        for (String ch : new TreeSet<>(union(new TreeSet<>(), nat.get("channels")))) {
            TreeSet<String> natAmounts = new TreeSet<>();
            boolean unknown = false;
            for (JsonNode f : nat.get("fees")) {
                if (f.get("channel").asString().equals(ch)) {
                    unknown |= !"KNOWN".equals(f.get("status").asString());
                    if (f.get("value") != null) {
                        natAmounts.add(f.get("value").asString());
                    }
                }
            }
            if (unknown || !natAmounts.equals(packAmounts)) {
                out.add(new Change(code, Change.Kind.DRIFT, "fees." + ch, packFees, n.getOrDefault("fees." + ch, "")));
            }
        }
        List<String> pc = new ArrayList<>();
        p.get("components").forEach(c -> pc.add(c.get("name").get("vi").asString() + " (" + c.get("form").asString() + " × "
                + (c.get("quantity") == null ? 1 : c.get("quantity").asInt()) + ", "
                + (c.get("presence") == null ? "REQUIRED" : c.get("presence").asString()) + ")"));
        if (pc.size() != nat.get("components").size()) {
            out.add(new Change(code, Change.Kind.DRIFT, "components", pc.size() + ": " + String.join("; ", pc), n.get("components")));
        }
        List<String> missing = new ArrayList<>();
        StringBuilder cited = new StringBuilder();
        List<String> ids = new ArrayList<>();
        p.get("legalBases").forEach(b -> ids.add(b.asString()));
        for (String id : ids) {
            cited.append(packBases.getOrDefault(id, id)).append(" | ");
        }
        String feeActs = feeBasisActs(folder, packBases);
        for (JsonNode b : nat.get("legalBases")) {
            String num = b.get("number").asString();
            if (num.isEmpty() || !(cited.toString().contains(num) || feeActs.contains(num))) {
                missing.add(num.isEmpty() ? b.get("name").asString() : num);
            }
        }
        if (!missing.isEmpty()) {
            out.add(new Change(code, Change.Kind.DRIFT, "legalBases", "pack cites: " + String.join(", ", ids),
                    "national bases the pack does not cite: " + String.join("; ", missing)));
        }
        String packFull = Boolean.toString("FULL".equals(p.get("onlineLevel") == null ? "NONE" : p.get("onlineLevel").asString()));
        if (!packFull.equals(n.get("toanTrinh"))) {
            out.add(new Change(code, Change.Kind.DRIFT, "toanTrinh", packFull, n.get("toanTrinh")));
        }
        String packFree = Boolean.toString(p.get("boundaryFree") != null && p.get("boundaryFree").asBoolean());
        if (!packFree.equals(n.get("phiDiaGioi"))) {
            out.add(new Change(code, Change.Kind.DRIFT, "phiDiaGioi", packFree, n.get("phiDiaGioi")));
        }
        return out;
    }

    private static List<String> union(TreeSet<String> a, JsonNode b) {
        List<String> out = new ArrayList<>(a);
        b.forEach(x -> out.add(x.asString()));
        return out;
    }

    /** The RATE rows of a hand-written fees.csv, as {@code item tariff rate[/unitRate from fromUnit] [channel]}. */
    static String packFees(Path folder) throws IOException {
        Path f = folder.resolve("fees.csv");
        if (!Files.isRegularFile(f)) {
            return "no fee table";
        }
        List<List<String>> rows = Csv.parse(Layers.readText(f));
        List<String> header = null;
        List<String> out = new ArrayList<>();
        for (List<String> r : rows) {
            if (r.isEmpty() || r.get(0).startsWith("#") || (r.size() == 1 && r.get(0).isBlank())) {
                continue;
            }
            if (header == null) {
                header = r;
                continue;
            }
            if (!"RATE".equals(cell(header, r, "type"))) {
                continue;
            }
            String s = cell(header, r, "item") + " " + cell(header, r, "tariff") + " " + cell(header, r, "rate");
            if (!cell(header, r, "unitRate").isEmpty()) {
                s += "/" + cell(header, r, "unitRate") + " from " + cell(header, r, "fromUnit");
            }
            if (!cell(header, r, "channel").isEmpty()) {
                s += " [" + cell(header, r, "channel") + "]";
            }
            out.add(s);
        }
        return String.join(" | ", out);
    }

    private static String feeBasisActs(Path folder, Map<String, String> packBases) throws IOException {
        Path f = folder.resolve("fees.csv");
        if (!Files.isRegularFile(f)) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        List<String> header = null;
        for (List<String> r : Csv.parse(Layers.readText(f))) {
            if (r.isEmpty() || r.get(0).startsWith("#")) {
                continue;
            }
            if (header == null) {
                header = r;
                continue;
            }
            sb.append(packBases.getOrDefault(cell(header, r, "basis"), "")).append(" | ");
        }
        return sb.toString();
    }

    private static String cell(List<String> header, List<String> row, String name) {
        int i = header.indexOf(name);
        return i < 0 || i >= row.size() ? "" : row.get(i).strip();
    }

    /** The pack's legal bases: id → act (with article), from legal-bases/*.yaml. */
    static Map<String, String> packBases(Path pack) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        Path dir = pack.resolve("legal-bases");
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (var s = Files.list(dir)) {
            for (Path f : s.filter(x -> x.toString().endsWith(".yaml")).sorted().toList()) {
                JsonNode r = Layers.readYaml(f);
                if (r != null && r.isArray()) {
                    for (JsonNode b : r) {
                        if (b.get("id") != null && b.get("act") != null) {
                            out.put(b.get("id").asString(), b.get("act").asString());
                        }
                    }
                }
            }
        }
        return out;
    }
}
