package io.github.motcua.benchmarks;

import com.sun.jdi.ArrayReference;
import com.sun.jdi.Bootstrap;
import com.sun.jdi.Field;
import com.sun.jdi.Location;
import com.sun.jdi.Method;
import com.sun.jdi.ObjectReference;
import com.sun.jdi.ReferenceType;
import com.sun.jdi.StackFrame;
import com.sun.jdi.ThreadReference;
import com.sun.jdi.Value;
import com.sun.jdi.VirtualMachine;
import com.sun.jdi.connect.AttachingConnector;
import com.sun.jdi.connect.Connector;
import com.sun.jdi.event.AccessWatchpointEvent;
import com.sun.jdi.event.BreakpointEvent;
import com.sun.jdi.event.ClassPrepareEvent;
import com.sun.jdi.event.Event;
import com.sun.jdi.event.EventSet;
import com.sun.jdi.event.VMDeathEvent;
import com.sun.jdi.event.VMDisconnectEvent;
import com.sun.jdi.request.AccessWatchpointRequest;
import com.sun.jdi.request.BreakpointRequest;
import com.sun.jdi.request.ClassPrepareRequest;
import com.sun.jdi.request.EventRequest;
import io.github.motcua.rules.Dossier;
import io.github.motcua.rules.Engine;
import io.github.motcua.rules.Motcua;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Counts, without timing, the heap objects one decision reads that belong to its procedure alone: the objects a
 * cold decision of that procedure must bring from memory when 2,000 procedures take turns (docs/performance.md,
 * "Session 16 — what a decision touches per procedure").
 *
 * <p>Two processes. {@link Target} (the debuggee, run with {@code -Xint} and a JDWP agent) loads a 28-procedure
 * synthetic catalogue (two copies of each of the 14 templates), decides every procedure once, then decides, for
 * each template {@code t}, procedure {@code t} twice and procedure {@code t + 14} twice, each time from a fresh
 * dossier (its own maps and strings), every decision between two marker calls. The debugger ({@link #main}) sets
 * an access watchpoint on every field of every class loaded by then, on the deciding thread, and records, per
 * decision, every object one of whose fields was read (and every array a read field held). Then, per template:
 * the objects read in both decisions of procedure {@code t} and in neither of procedure {@code t + 14}'s are that
 * procedure's own state (the dossier's objects are new every time, so they fall out; objects every procedure
 * shares are read by both, so they fall out too). Printed by class and by the method that first read each.
 *
 * <pre>
 * java -Xint -agentlib:jdwp=transport=dt_socket,server=y,suspend=y,address=localhost:5005 \
 *   -cp benchmarks/target/benchmarks.jar io.github.motcua.benchmarks.TouchCount\$Target &amp;
 * java -cp benchmarks/target/benchmarks.jar io.github.motcua.benchmarks.TouchCount 5005 [templates]
 * </pre>
 *
 * <p>Add {@code -Dmotcua.rules.droolsSessions=true} to the target for the compiled (Drools session) path.
 */
public final class TouchCount {
    private TouchCount() {
    }

    /** The debuggee. */
    public static final class Target {
        private Target() {
        }

        /** Marks the start of decision window {@code label} (a breakpoint of the debugger). */
        public static void mark(String label) {
            // the debugger's breakpoint
        }

        /** Marks the end of the current window. */
        public static void unmark() {
            // the debugger's breakpoint
        }

        public static void main(String[] args) throws Exception {
            Path reference = Path.of(System.getProperty("motcua.reference", "examples/packs/gia-lai"));
            Path dir = Scratch.directory("motcua-touch");
            int n = 28;
            CatalogueGenerator.write(reference, dir, n);
            List<CatalogueGenerator.Template> templates = CatalogueGenerator.templates(reference);
            Map<String, Dossier> byTemplate = CatalogueScale.referenceDossiers(reference);
            try (Engine engine = Motcua.engine().build()) {
                engine.load(dir).orThrow();
                if (!engine.compiled().join().isEmpty()) {
                    throw new IllegalStateException("synthetic catalogue does not compile");
                }
                for (int round = 0; round < 2; round++) {
                    for (int i = 0; i < n; i++) {
                        engine.decide(CatalogueBenchmark.Catalogue.fresh(CatalogueScale.dossierFor(byTemplate, templates, i,
                                Map.of())));
                    }
                }
                List<String> labels = new ArrayList<>();
                List<Dossier> dossiers = new ArrayList<>();
                int only = Integer.getInteger("templates", 14);
                for (int t = 0; t < only; t++) {
                    for (int p : new int[] {t, t, t + 14, t + 14}) {
                        labels.add(t + ":" + p + "#" + labels.size());
                        dossiers.add(CatalogueBenchmark.Catalogue.fresh(CatalogueScale.dossierFor(byTemplate, templates, p,
                                Map.of())));
                    }
                }
                Object[] sink = new Object[dossiers.size()];
                mark("ready"); // the debugger sets its watchpoints here
                unmark();
                for (int k = 0; k < dossiers.size(); k++) {
                    String label = labels.get(k);
                    Dossier d = dossiers.get(k);
                    mark(label);
                    sink[k] = engine.decide(d);
                    unmark();
                }
                System.out.println("decided " + sink.length);
            }
        }
    }

    /** One object read in a window: its class, and where it was first read. */
    record Touch(String type, String where, int arrayLength, String text, String phase) {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int only = args.length > 1 ? Integer.parseInt(args[1]) : 14;
        AttachingConnector socket = Bootstrap.virtualMachineManager().attachingConnectors().stream()
                .filter(c -> c.name().equals("com.sun.jdi.SocketAttach")).findFirst().orElseThrow();
        Map<String, Connector.Argument> a = socket.defaultArguments();
        a.get("hostname").setValue("localhost");
        a.get("port").setValue(String.valueOf(port));
        VirtualMachine vm = socket.attach(a);
        ClassPrepareRequest prepare = vm.eventRequestManager().createClassPrepareRequest();
        prepare.addClassFilter(Target.class.getName());
        prepare.enable();
        vm.resume();
        Map<String, Map<Long, Touch>> windows = new LinkedHashMap<>();
        Map<Long, Touch> current = null;
        String label = null;
        List<AccessWatchpointRequest> watches = new ArrayList<>();
        Method markMethod = null;
        long events = 0;
        loop:
        while (true) {
            EventSet set = vm.eventQueue().remove();
            for (Event e : set) {
                if (e instanceof ClassPrepareEvent cp) {
                    ReferenceType t = cp.referenceType();
                    markMethod = t.methodsByName("mark").get(0);
                    for (String m : List.of("mark", "unmark")) {
                        BreakpointRequest b = vm.eventRequestManager()
                                .createBreakpointRequest(t.methodsByName(m).get(0).location());
                        b.setSuspendPolicy(EventRequest.SUSPEND_EVENT_THREAD);
                        b.enable();
                    }
                } else if (e instanceof BreakpointEvent b) {
                    if (b.location().method().equals(markMethod)) {
                        ThreadReference thread = b.thread();
                        StackFrame f = thread.frame(0);
                        label = ((com.sun.jdi.StringReference) f.getArgumentValues().get(0)).value();
                        if (label.equals("ready")) {
                            watches = watchEverything(vm, thread);
                            System.err.println("watching " + watches.size() + " fields");
                            current = null;
                        } else {
                            System.err.println("window " + label);
                            current = new HashMap<>();
                            windows.put(label, current);
                        }
                    } else {
                        current = null;
                    }
                } else if (e instanceof AccessWatchpointEvent w) {
                    if (current != null) {
                        events++;
                        ObjectReference o = w.object();
                        if (o != null && !current.containsKey(o.uniqueID())) {
                            String type = o.referenceType().name();
                            String text = o instanceof com.sun.jdi.StringReference sr ? sr.value() : null;
                            current.put(o.uniqueID(), new Touch(type, where(w), -1, text, phase(w)));
                        }
                        if (w.field().typeName().endsWith("[]")) {
                            Value v = w.valueCurrent();
                            if (v instanceof ArrayReference arr && !current.containsKey(arr.uniqueID())) {
                                current.put(arr.uniqueID(), new Touch(arr.referenceType().name(), where(w), arr.length(), null,
                                        phase(w)));
                            }
                        }
                    }
                } else if (e instanceof VMDeathEvent || e instanceof VMDisconnectEvent) {
                    break loop;
                }
            }
            set.resume();
        }
        System.out.println("field reads in windows: " + events);
        report(windows, only);
    }

    /** Where an object was first read: the reading method and, for library classes, the nearest motcua caller. */
    private static String where(AccessWatchpointEvent w) {
        Location l = w.location();
        String m = l.declaringType().name() + "." + l.method().name();
        if (m.startsWith("io.github.motcua")) {
            return short_(m);
        }
        try {
            List<StackFrame> frames = w.thread().frames();
            for (StackFrame f : frames) {
                String c = f.location().declaringType().name() + "." + f.location().method().name();
                if (c.startsWith("io.github.motcua")) {
                    return short_(m) + " < " + short_(c);
                }
            }
        } catch (com.sun.jdi.IncompatibleThreadStateException ex) {
            return short_(m);
        }
        return short_(m);
    }

    /** The methods whose callee names a decision's phase: a section's call, a pipeline step, the engine's look-ups. */
    private static final Set<String> PHASE_CALLERS = Set.of("DecisionPipeline$Draft.run", "DecisionPipeline.decide",
            "DefaultEngine.decideWith", "DefaultEngine.decideChecked", "DefaultEngine.decide");

    /**
     * The phase of a decision an object was first read in: the method that the innermost of {@link #PHASE_CALLERS}
     * on the stack called (a section's {@code contribute}, {@code Evaluator.decide}, {@code Draft.build} …).
     */
    private static String phase(AccessWatchpointEvent w) {
        try {
            List<StackFrame> frames = w.thread().frames();
            String callee = short_(w.location().declaringType().name() + "." + w.location().method().name());
            for (StackFrame f : frames) {
                String c = short_(f.location().declaringType().name() + "." + f.location().method().name());
                if (PHASE_CALLERS.contains(c)) {
                    return callee;
                }
                callee = c;
            }
        } catch (com.sun.jdi.IncompatibleThreadStateException ex) {
            return "?";
        }
        return "?";
    }

    private static String short_(String name) {
        int dot = name.lastIndexOf('.', name.lastIndexOf('.') - 1);
        return name.substring(dot + 1);
    }

    private static List<AccessWatchpointRequest> watchEverything(VirtualMachine vm, ThreadReference thread) {
        List<AccessWatchpointRequest> out = new ArrayList<>();
        for (ReferenceType t : vm.allClasses()) {
            if (!t.isPrepared() || t.name().startsWith("com.sun.jdi") || t.name().startsWith("jdk.internal.misc.Unsafe")) {
                continue;
            }
            List<Field> fields;
            try {
                fields = t.fields();
            } catch (RuntimeException ex) {
                continue;
            }
            for (Field f : fields) {
                // statics are one per class, shared by every procedure; String.coder is read with String.value
                if (f.isStatic() || t.name().equals("java.lang.String") && !f.name().equals("value")) {
                    continue;
                }
                AccessWatchpointRequest r = vm.eventRequestManager().createAccessWatchpointRequest(f);
                r.addThreadFilter(thread);
                r.setSuspendPolicy(EventRequest.SUSPEND_EVENT_THREAD);
                r.enable();
                out.add(r);
            }
        }
        return out;
    }

    private static void report(Map<String, Map<Long, Touch>> windows, int only) {
        Map<String, Integer> byClass = new TreeMap<>();
        Map<String, Integer> byWhere = new TreeMap<>();
        Map<String, Integer> byPhase = new TreeMap<>();
        Map<String, Integer> byPhaseClass = new TreeMap<>();
        Map<String, Integer> texts = new TreeMap<>();
        long arrayBytes = 0;
        int total = 0;
        int templates = 0;
        for (int t = 0; t < only; t++) {
            templates++;
            Set<Long> ownBoth = null;
            Map<Long, Touch> first = null;
            Set<Long> others = new HashSet<>();
            for (Map.Entry<String, Map<Long, Touch>> w : windows.entrySet()) {
                String[] parts = w.getKey().split("[:#]");
                if (!parts[0].equals(String.valueOf(t))) {
                    continue;
                }
                if (parts[1].equals(String.valueOf(t))) {
                    if (ownBoth == null) {
                        ownBoth = new HashSet<>(w.getValue().keySet());
                        first = w.getValue();
                    } else {
                        ownBoth.retainAll(w.getValue().keySet());
                    }
                } else {
                    others.addAll(w.getValue().keySet());
                }
            }
            ownBoth.removeAll(others);
            int perDecision = first.size();
            System.out.printf("template %2d: %5d objects read in the first decision, %4d of them the procedure's own%n", t,
                    perDecision, ownBoth.size());
            total += ownBoth.size();
            for (Long id : ownBoth) {
                Touch x = first.get(id);
                byClass.merge(x.type(), 1, Integer::sum);
                byWhere.merge(x.where(), 1, Integer::sum);
                byPhase.merge(x.phase(), 1, Integer::sum);
                byPhaseClass.merge(x.phase() + "  " + x.type(), 1, Integer::sum);
                if (x.text() != null) {
                    texts.merge(t + " " + x.where() + " \"" + x.text() + "\"", 1, Integer::sum);
                }
                if (x.arrayLength() >= 0) {
                    arrayBytes += x.arrayLength();
                }
            }
        }
        System.out.printf("%nper template, the procedure's own objects read by one decision: %.1f (mean of %d)%n",
                (double) total / templates, templates);
        System.out.println("\nby class (summed over templates):");
        byClass.entrySet().stream().sorted((x, y) -> y.getValue() - x.getValue())
                .forEach(x -> System.out.printf("%6d  %s%n", x.getValue(), x.getKey()));
        System.out.println("\nby the method that first read it (summed over templates):");
        byWhere.entrySet().stream().sorted((x, y) -> y.getValue() - x.getValue())
                .forEach(x -> System.out.printf("%6d  %s%n", x.getValue(), x.getKey()));
        System.out.println("\nby phase: the section, rules run or pipeline step it was first read in (summed):");
        byPhase.entrySet().stream().sorted((x, y) -> y.getValue() - x.getValue())
                .forEach(x -> System.out.printf("%6d  %s%n", x.getValue(), x.getKey()));
        System.out.println("\nby phase and class (summed):");
        byPhaseClass.entrySet().stream().sorted((x, y) -> y.getValue() - x.getValue())
                .forEach(x -> System.out.printf("%6d  %s%n", x.getValue(), x.getKey()));
        System.out.println("\narray elements (summed): " + arrayBytes);
        System.out.println("\nthe procedure's own strings read (template, first reader, text: distinct objects):");
        texts.forEach((k, v) -> System.out.printf("%3d  %s%n", v, k));
    }
}
