package io.github.motcua.rules.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.commons.ClassRemapper;
import org.objectweb.asm.commons.Remapper;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.VarInsnNode;

/**
 * One procedure's externalised lambda classes merged into a few (issue 15, prebuilt start-up). Drools' executable
 * model writes every condition, consequence and extractor of a rule as an enum of its own with one constant,
 * {@code INSTANCE}, implementing one functional interface of {@code org.drools.model.functions} and
 * {@code HashedExpression}: about 20 of a procedure's 26 classes, and the JVM's cost of defining a class has a fixed
 * part per class (docs/performance.md "Session 8"). Here the lambdas of a procedure that implement the same
 * interfaces with the same entry points become one final class ({@code <package>/M<n>}) with one instance per lambda,
 * created in its static initialiser ({@code INSTANCE$k}); each interface method is a dispatcher — a {@code tableswitch}
 * on the instance's {@code id} whose every case calls that lambda's own method (renamed {@code name$k}) and returns.
 *
 * <p>Why Drools sees no difference: it uses a lambda only through its functional interface (the same set of
 * interfaces per merged class, so every {@code instanceof} answers as before) and knows it by
 * {@code HashedExpression.getExpressionHash()}, which every instance answers with its own lambda's hash; equality and
 * hash code stay identity, as for an enum constant (Drools' wrappers compare the expression hashes). Nothing of
 * Drools asks for a lambda's class, its name, {@code values()} or {@code valueOf} (checked against the sources of
 * Drools 10.2.0; the one reflective path, {@code LambdaPrinter.DummyLambdaPrinter}, serves lambdas without
 * {@code HashedExpression} only).
 *
 * <p>Only lambda classes of exactly the shape the generator writes are merged (the enum's own static initialiser,
 * a constructor that only sets fields, no jumps or handlers there, nothing else referring to the class but
 * {@code GETSTATIC INSTANCE} and its own members); anything else is left as it is. The result is not trusted: the
 * caller verifies the merged classes like any others ({@link BytecodeVerifier}), and they are what is stored and
 * defined.
 */
final class LambdaClasses {
    static final String HASHED = "org/drools/model/functions/HashedExpression";
    private static final String ENUM = "java/lang/Enum";
    private static final String ENUM_INIT = "(Ljava/lang/String;I)V";

    private LambdaClasses() {
    }

    /**
     * {@code "#k"} for a method of lambda {@code k} of a merged class ({@code test$3(Ljava/lang/Object;)Z} gives
     * {@code "#3"}), so a refusal there is reported at the rule of that lambda; empty for any other method.
     */
    static String instanceOf(String method) {
        int paren = method.indexOf('(');
        String name = paren < 0 ? method : method.substring(0, paren);
        int dollar = name.lastIndexOf('$');
        if (dollar < 0 || dollar == name.length() - 1) {
            return "";
        }
        for (int i = dollar + 1; i < name.length(); i++) {
            if (name.charAt(i) < '0' || name.charAt(i) > '9') {
                return "";
            }
        }
        return "#" + name.substring(dollar + 1);
    }

    /**
     * The classes with each group of two or more mergeable lambda classes replaced by one class; the same map
     * (same instance) when nothing was merged or a class file cannot be read.
     */
    static Map<String, byte[]> merged(Map<String, byte[]> classes) {
        Map<String, ClassNode> nodes = new TreeMap<>();
        try {
            for (Map.Entry<String, byte[]> e : classes.entrySet()) {
                ClassNode cn = new ClassNode();
                new ClassReader(e.getValue()).accept(cn, 0);
                if (!cn.name.equals(e.getKey())) {
                    return classes;
                }
                nodes.put(cn.name, cn);
            }
        } catch (RuntimeException unreadable) {
            return classes; // left as it is, for the verifier to refuse
        }
        Map<String, Lambda> lambdas = new TreeMap<>();
        for (ClassNode cn : nodes.values()) {
            Lambda l = Lambda.of(cn);
            if (l != null) {
                lambdas.put(cn.name, l);
            }
        }
        // a lambda class is merged only when nothing else uses it but through GETSTATIC INSTANCE
        for (ClassNode cn : nodes.values()) {
            Lambda self = lambdas.get(cn.name);
            for (MethodNode m : cn.methods) {
                if (self != null && self.dropped(m)) {
                    continue;
                }
                for (AbstractInsnNode in : m.instructions) {
                    foreignUse(in, cn.name, lambdas);
                }
            }
        }
        lambdas.values().removeIf(l -> l.refused);
        Map<String, List<Lambda>> groups = new TreeMap<>();
        for (Lambda l : lambdas.values()) {
            groups.computeIfAbsent(l.key(), k -> new ArrayList<>()).add(l);
        }
        groups.values().removeIf(g -> g.size() < 2);
        // the type metadata: a holder class whose static initialiser creates one small class per fact type
        Map<String, List<ClassNode>> holders = new TreeMap<>();
        for (ClassNode cn : nodes.values()) {
            List<ClassNode> parts = Metadata.parts(cn, nodes);
            if (parts != null) {
                holders.put(cn.name, parts);
            }
        }
        if (groups.isEmpty() && holders.isEmpty()) {
            return classes;
        }
        Set<String> mergedAway = new HashSet<>();
        holders.values().forEach(parts -> parts.forEach(x -> mergedAway.add(x.name)));
        Map<String, String> target = new HashMap<>();
        Map<String, Integer> index = new HashMap<>();
        Map<String, List<Lambda>> byMerged = new LinkedHashMap<>();
        int n = 0;
        for (List<Lambda> g : groups.values()) {
            String pkg = g.get(0).node.name.substring(0, g.get(0).node.name.lastIndexOf('/') + 1);
            String name;
            do {
                name = pkg + "M" + Integer.toString(n++, 36);
            } while (nodes.containsKey(name));
            byMerged.put(name, g);
            for (int k = 0; k < g.size(); k++) {
                target.put(g.get(k).node.name, name);
                index.put(g.get(k).node.name, k);
            }
        }
        Remapper remapper = new Remapper() {
            @Override
            public String map(String internalName) {
                return target.getOrDefault(internalName, internalName);
            }

            @Override
            public String mapFieldName(String owner, String name, String descriptor) {
                Integer k = index.get(owner);
                return k == null ? name : name + "$" + k;
            }

            @Override
            public String mapMethodName(String owner, String name, String descriptor) {
                Integer k = index.get(owner);
                return k == null || name.startsWith("<") ? name : name + "$" + k;
            }
        };
        Map<String, byte[]> out = new TreeMap<>();
        try {
            for (Map.Entry<String, byte[]> e : classes.entrySet()) {
                if (target.containsKey(e.getKey()) || mergedAway.contains(e.getKey())) {
                    continue;
                }
                ClassWriter w = new ClassWriter(0);
                List<ClassNode> parts = holders.get(e.getKey());
                if (parts != null) {
                    ClassNode holder = new ClassNode();
                    new ClassReader(e.getValue()).accept(holder, 0);
                    Metadata.merge(holder, parts);
                    holder.accept(new ClassRemapper(w, remapper));
                } else {
                    new ClassReader(e.getValue()).accept(new ClassRemapper(w, remapper), 0);
                }
                out.put(e.getKey(), w.toByteArray());
            }
            for (Map.Entry<String, List<Lambda>> e : byMerged.entrySet()) {
                ClassNode merged = merge(e.getKey(), e.getValue(), remapper);
                ClassWriter w = new ClassWriter(0);
                merged.accept(w);
                out.put(e.getKey(), w.toByteArray());
            }
        } catch (RuntimeException cannotWrite) {
            return classes;
        }
        return out;
    }

    /** Marks a lambda class refused when {@code in} (in class {@code from}) uses it otherwise than allowed. */
    private static void foreignUse(AbstractInsnNode in, String from, Map<String, Lambda> lambdas) {
        if (in instanceof FieldInsnNode f) {
            Lambda l = lambdas.get(f.owner);
            if (l != null && !(f.getOpcode() == Opcodes.GETSTATIC && f.name.equals("INSTANCE")
                    || f.owner.equals(from) && l.keepsField(f.name, f.desc) && f.getOpcode() != Opcodes.PUTSTATIC)) {
                l.refused = true;
            }
        } else if (in instanceof MethodInsnNode mi) {
            Lambda l = lambdas.get(mi.owner);
            if (l != null && !(mi.owner.equals(from) && l.keepsMethod(mi.name, mi.desc))) {
                l.refused = true;
            }
        } else if (in instanceof TypeInsnNode t) {
            refuse(lambdas, t.desc);
        } else if (in instanceof LdcInsnNode ldc) {
            constant(ldc.cst, from, lambdas);
        } else if (in instanceof InvokeDynamicInsnNode indy) {
            constant(indy.bsm, from, lambdas);
            for (Object a : indy.bsmArgs) {
                constant(a, from, lambdas);
            }
        } else if (in.getOpcode() == Opcodes.MULTIANEWARRAY) {
            lambdas.values().forEach(l -> l.refused = true);
        }
    }

    private static void constant(Object cst, String from, Map<String, Lambda> lambdas) {
        if (cst instanceof Type t) {
            if (t.getSort() == Type.METHOD) {
                for (Type a : t.getArgumentTypes()) {
                    refuse(lambdas, a.getDescriptor());
                }
                refuse(lambdas, t.getReturnType().getDescriptor());
            } else {
                refuse(lambdas, t.getDescriptor());
            }
        } else if (cst instanceof Handle h) {
            Lambda l = lambdas.get(h.getOwner());
            if (l != null && !(h.getOwner().equals(from) && h.getTag() == Opcodes.H_INVOKESTATIC && l.keepsMethod(h.getName(), h.getDesc()))) {
                l.refused = true;
            }
        } else if (cst != null && !(cst instanceof String || cst instanceof Number || cst instanceof Character)) {
            lambdas.values().forEach(l -> l.refused = true); // a dynamic constant: nothing merged
        }
    }

    /** A type named by an instruction (NEW, CHECKCAST, arrays, class constants): never one of the lambda classes. */
    private static void refuse(Map<String, Lambda> lambdas, String type) {
        String t = type;
        while (t.startsWith("[")) {
            t = t.substring(1);
        }
        if (t.startsWith("L") && t.endsWith(";")) {
            t = t.substring(1, t.length() - 1);
        }
        Lambda l = lambdas.get(t);
        if (l != null) {
            l.refused = true;
        }
    }

    /** One mergeable lambda class, as the generator writes it. */
    private static final class Lambda {
        final ClassNode node;
        /** The constructor's instructions after {@code super(name, ordinal)}, before its return. */
        final List<AbstractInsnNode> fieldInits;
        final int initStack;
        /** Instance methods Drools may call through an interface, "name desc", sorted. */
        final Set<String> entries;
        boolean refused;

        private Lambda(ClassNode node, List<AbstractInsnNode> fieldInits, int initStack, Set<String> entries) {
            this.node = node;
            this.fieldInits = fieldInits;
            this.initStack = initStack;
            this.entries = entries;
        }

        /** Classes with the same key become one. */
        String key() {
            String pkg = node.name.substring(0, node.name.lastIndexOf('/') + 1);
            return pkg + " " + new TreeSet<>(node.interfaces) + " " + entries + " " + node.version;
        }

        boolean dropped(MethodNode m) {
            return m.name.equals("<clinit>") || m.name.equals("<init>") || valuesMethod(m);
        }

        private boolean valuesMethod(MethodNode m) {
            String self = "L" + node.name + ";";
            return (m.access & Opcodes.ACC_STATIC) != 0 && (m.name.equals("values") && m.desc.equals("()[" + self)
                    || m.name.equals("$values") && m.desc.equals("()[" + self)
                    || m.name.equals("valueOf") && m.desc.equals("(Ljava/lang/String;)" + self));
        }

        boolean keepsMethod(String name, String desc) {
            for (MethodNode m : node.methods) {
                if (m.name.equals(name) && m.desc.equals(desc)) {
                    return !dropped(m);
                }
            }
            return false;
        }

        boolean keepsField(String name, String desc) {
            for (FieldNode f : node.fields) {
                if (f.name.equals(name) && f.desc.equals(desc)) {
                    return !isValuesField(f) && !f.name.equals("INSTANCE");
                }
            }
            return false;
        }

        boolean isValuesField(FieldNode f) {
            return (f.access & Opcodes.ACC_STATIC) != 0 && f.desc.equals("[L" + node.name + ";")
                    && (f.name.equals("$VALUES") || f.name.equals("ENUM$VALUES"));
        }

        /** The lambda class of {@code cn}, or null when it is not exactly of the generator's shape. */
        static Lambda of(ClassNode cn) {
            String self = "L" + cn.name + ";";
            if ((cn.access & (Opcodes.ACC_ENUM | Opcodes.ACC_FINAL)) != (Opcodes.ACC_ENUM | Opcodes.ACC_FINAL)
                    || (cn.access & (Opcodes.ACC_INTERFACE | Opcodes.ACC_ABSTRACT)) != 0
                    || !ENUM.equals(cn.superName) || !cn.interfaces.contains(HASHED)
                    || cn.outerClass != null || cn.nestHostClass != null || cn.nestMembers != null
                    || cn.permittedSubclasses != null || cn.recordComponents != null
                    || cn.innerClasses != null && !cn.innerClasses.isEmpty()
                    || cn.interfaces.stream().anyMatch(i -> !i.startsWith("org/drools/model/functions/"))) {
                return null;
            }
            boolean instance = false;
            boolean values = false;
            for (FieldNode f : cn.fields) {
                if ((f.access & Opcodes.ACC_STATIC) == 0) {
                    continue; // instance fields: set by the constructor, kept
                }
                if (f.name.equals("INSTANCE") && f.desc.equals(self)) {
                    instance = true;
                } else if ((f.name.equals("$VALUES") || f.name.equals("ENUM$VALUES")) && f.desc.equals("[" + self)) {
                    values = true;
                } else if ((f.access & Opcodes.ACC_FINAL) == 0 || f.value == null) {
                    return null; // static state other than constants
                }
            }
            if (!instance || !values) {
                return null;
            }
            MethodNode init = null;
            MethodNode clinit = null;
            for (MethodNode m : cn.methods) {
                if (m.name.equals("<init>")) {
                    if (init != null || !m.desc.equals(ENUM_INIT)) {
                        return null;
                    }
                    init = m;
                } else if (m.name.equals("<clinit>")) {
                    clinit = m;
                }
                if ((m.access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE | Opcodes.ACC_SYNCHRONIZED)) != 0) {
                    return null;
                }
            }
            if (init == null || clinit == null || !onlyCreatesInstance(cn, clinit)) {
                return null;
            }
            List<AbstractInsnNode> fieldInits = fieldInits(cn, init);
            if (fieldInits == null) {
                return null;
            }
            // bridges' targets are reached through their bridge only; every other instance method gets a dispatcher
            Set<String> bridged = new HashSet<>();
            for (MethodNode m : cn.methods) {
                if ((m.access & Opcodes.ACC_BRIDGE) != 0) {
                    for (AbstractInsnNode in : m.instructions) {
                        if (in instanceof MethodInsnNode mi && mi.owner.equals(cn.name)) {
                            bridged.add(mi.name + " " + mi.desc);
                        }
                    }
                }
            }
            Set<String> entries = new TreeSet<>();
            Lambda l = new Lambda(cn, fieldInits, init.maxStack, entries);
            for (MethodNode m : cn.methods) {
                String sig = m.name + " " + m.desc;
                if (l.dropped(m)) {
                    continue;
                }
                if ((m.access & Opcodes.ACC_STATIC) != 0) {
                    if ((m.access & Opcodes.ACC_PRIVATE) == 0) {
                        return null; // only private static helpers (javac's lambda bodies) are kept
                    }
                    continue;
                }
                if ((m.access & Opcodes.ACC_PRIVATE) == 0 && ((m.access & Opcodes.ACC_BRIDGE) != 0 || !bridged.contains(sig))) {
                    if ((m.access & Opcodes.ACC_PUBLIC) == 0) {
                        return null;
                    }
                    entries.add(sig);
                }
            }
            return l;
        }

        /** The static initialiser does nothing but create INSTANCE and the values array. */
        private static boolean onlyCreatesInstance(ClassNode cn, MethodNode clinit) {
            int news = 0;
            if (!clinit.tryCatchBlocks.isEmpty()) {
                return false;
            }
            for (AbstractInsnNode in : clinit.instructions) {
                int op = in.getOpcode();
                if (op < 0) {
                    if (in instanceof FrameNode) {
                        return false;
                    }
                    continue;
                }
                boolean ok = switch (op) {
                    case Opcodes.DUP, Opcodes.AASTORE, Opcodes.RETURN, Opcodes.ICONST_0, Opcodes.ICONST_1 -> true;
                    case Opcodes.NEW -> ((TypeInsnNode) in).desc.equals(cn.name) && ++news == 1;
                    case Opcodes.ANEWARRAY -> ((TypeInsnNode) in).desc.equals(cn.name);
                    case Opcodes.LDC -> "INSTANCE".equals(((LdcInsnNode) in).cst);
                    case Opcodes.INVOKESPECIAL -> ((MethodInsnNode) in).owner.equals(cn.name)
                            && ((MethodInsnNode) in).name.equals("<init>") && ((MethodInsnNode) in).desc.equals(ENUM_INIT);
                    case Opcodes.INVOKESTATIC -> ((MethodInsnNode) in).owner.equals(cn.name) && ((MethodInsnNode) in).name.equals("$values");
                    case Opcodes.PUTSTATIC, Opcodes.GETSTATIC -> ((FieldInsnNode) in).owner.equals(cn.name)
                            && (((FieldInsnNode) in).name.equals("INSTANCE") || op == Opcodes.PUTSTATIC
                                    && ((FieldInsnNode) in).desc.startsWith("["));
                    default -> false;
                };
                if (!ok) {
                    return false;
                }
            }
            return news == 1;
        }

        /**
         * The constructor's field initialisers: {@code this}, name and ordinal to {@code Enum.<init>}, then straight
         * code using no local but {@code this}, then one return; null when it is anything else.
         */
        private static List<AbstractInsnNode> fieldInits(ClassNode cn, MethodNode init) {
            List<AbstractInsnNode> real = straightCode(init);
            if (real == null) {
                return null;
            }
            if (real.size() < 5 || !(real.get(0) instanceof VarInsnNode a0 && a0.getOpcode() == Opcodes.ALOAD && a0.var == 0)
                    || !(real.get(1) instanceof VarInsnNode a1 && a1.getOpcode() == Opcodes.ALOAD && a1.var == 1)
                    || !(real.get(2) instanceof VarInsnNode a2 && a2.getOpcode() == Opcodes.ILOAD && a2.var == 2)
                    || !(real.get(3) instanceof MethodInsnNode s && s.getOpcode() == Opcodes.INVOKESPECIAL && s.owner.equals(ENUM)
                            && s.name.equals("<init>") && s.desc.equals(ENUM_INIT))
                    || real.get(real.size() - 1).getOpcode() != Opcodes.RETURN) {
                return null;
            }
            List<AbstractInsnNode> rest = real.subList(4, real.size() - 1);
            for (AbstractInsnNode in : rest) {
                int op = in.getOpcode();
                if (in instanceof JumpInsnNode || in instanceof TableSwitchInsnNode || op == Opcodes.LOOKUPSWITCH
                        || op == Opcodes.RETURN || op == Opcodes.ATHROW || op == Opcodes.IINC
                        || in instanceof VarInsnNode v && !(v.getOpcode() == Opcodes.ALOAD && v.var == 0)
                        || in instanceof FieldInsnNode f && f.owner.equals(cn.name) && f.getOpcode() != Opcodes.PUTFIELD
                                && f.getOpcode() != Opcodes.GETFIELD && !f.name.equals("INSTANCE")) {
                    return null;
                }
            }
            return List.copyOf(rest);
        }
    }

    /**
     * The generator's type metadata ({@code DomainClassesMetadata<hash>}): a holder whose static initialiser creates
     * one instance of a small class per fact type ({@code …$io_github_motcua_rules_vocabulary_Form_Metadata}, each
     * implementing {@code org.drools.model.DomainClassMetadata}) into a public static field typed by that interface.
     * The small classes are merged into the holder itself — it implements the interface, each former class is one
     * instance of it (its {@code id}), its methods renamed {@code name$k} behind the same dispatchers as lambdas.
     * Drools reads the metadata only through the interface (the domain class, its property count and indices).
     */
    private static final class Metadata {
        static final String IFACE = "org/drools/model/DomainClassMetadata";

        /** The metadata classes {@code holder} creates, in order, or null when it is not exactly such a holder. */
        static List<ClassNode> parts(ClassNode holder, Map<String, ClassNode> nodes) {
            if (!"java/lang/Object".equals(holder.superName) || !holder.interfaces.isEmpty()
                    || (holder.access & (Opcodes.ACC_INTERFACE | Opcodes.ACC_ABSTRACT | Opcodes.ACC_ENUM)) != 0
                    || holder.nestHostClass != null || holder.outerClass != null
                    || holder.fields.stream().anyMatch(f -> (f.access & Opcodes.ACC_STATIC) == 0 || f.name.equals("id"))) {
                return null;
            }
            MethodNode clinit = null;
            for (MethodNode m : holder.methods) {
                if (m.name.equals("<clinit>")) {
                    clinit = m;
                } else if (!(m.name.equals("<init>") && m.desc.equals("()V"))) {
                    return null;
                }
            }
            List<AbstractInsnNode> real = clinit == null ? null : straightCode(clinit);
            if (real == null) {
                return null;
            }
            if (real.isEmpty() || real.size() % 4 != 1 || real.get(real.size() - 1).getOpcode() != Opcodes.RETURN) {
                return null;
            }
            List<ClassNode> parts = new ArrayList<>();
            for (int i = 0; i < real.size() - 1; i += 4) {
                if (!(real.get(i) instanceof TypeInsnNode t && t.getOpcode() == Opcodes.NEW)
                        || real.get(i + 1).getOpcode() != Opcodes.DUP
                        || !(real.get(i + 2) instanceof MethodInsnNode c && c.getOpcode() == Opcodes.INVOKESPECIAL
                                && c.owner.equals(t.desc) && c.name.equals("<init>") && c.desc.equals("()V"))
                        || !(real.get(i + 3) instanceof FieldInsnNode f && f.getOpcode() == Opcodes.PUTSTATIC
                                && f.owner.equals(holder.name) && f.desc.equals("L" + IFACE + ";"))) {
                    return null;
                }
                ClassNode x = nodes.get(t.desc);
                if (x == null || parts.contains(x) || !part(x, holder)) {
                    return null;
                }
                parts.add(x);
            }
            if (parts.size() < 2) {
                return null;
            }
            Set<String> entries = entries(parts.get(0));
            for (ClassNode x : parts) {
                if (!entries(x).equals(entries)) {
                    return null;
                }
            }
            // nothing else may use them, and the holder gets no method it has already
            for (ClassNode cn : nodes.values()) {
                if (parts.contains(cn)) {
                    continue; // their own code: part() checked it
                }
                for (MethodNode m : cn.methods) {
                    if (m == clinit) {
                        continue; // the four instructions per part read above, and nothing else
                    }
                    for (AbstractInsnNode in : m.instructions) {
                        if (usesAny(in, parts)) {
                            return null;
                        }
                    }
                }
            }
            for (MethodNode m : holder.methods) {
                if (entries.contains(m.name + " " + m.desc)) {
                    return null;
                }
            }
            return parts;
        }

        /** A metadata class of the generator's shape: no fields, a constructor that only calls Object's, public methods. */
        private static boolean part(ClassNode x, ClassNode holder) {
            if (!"java/lang/Object".equals(x.superName) || !x.interfaces.equals(List.of(IFACE)) || !x.fields.isEmpty()
                    || (x.access & (Opcodes.ACC_INTERFACE | Opcodes.ACC_ABSTRACT | Opcodes.ACC_ENUM)) != 0
                    || x.nestHostClass != null && !x.nestHostClass.equals(holder.name) || x.nestMembers != null
                    || x.permittedSubclasses != null || x.recordComponents != null) {
                return false;
            }
            int inits = 0;
            for (MethodNode m : x.methods) {
                if (m.name.equals("<init>")) {
                    inits++;
                    List<Integer> ops = new ArrayList<>();
                    for (AbstractInsnNode in : m.instructions) {
                        if (in.getOpcode() >= 0) {
                            ops.add(in.getOpcode());
                        }
                    }
                    if (!m.desc.equals("()V") || !ops.equals(List.of(Opcodes.ALOAD, Opcodes.INVOKESPECIAL, Opcodes.RETURN))
                            || !(m.instructions.getFirst() != null && superCall(m))) {
                        return false;
                    }
                } else if ((m.access & Opcodes.ACC_STATIC) != 0 || (m.access & Opcodes.ACC_PUBLIC) == 0
                        || (m.access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE | Opcodes.ACC_SYNCHRONIZED)) != 0) {
                    return false;
                }
            }
            if (inits != 1) {
                return false;
            }
            // inside, a part may use its own methods only
            for (MethodNode m : x.methods) {
                for (AbstractInsnNode in : m.instructions) {
                    if (in instanceof MethodInsnNode mi && mi.owner.equals(x.name) && !mi.name.equals("<init>")
                            && entries(x).contains(mi.name + " " + mi.desc)) {
                        continue;
                    }
                    if (usesAny(in, List.of(x))) {
                        return false;
                    }
                }
            }
            return true;
        }

        private static boolean superCall(MethodNode m) {
            for (AbstractInsnNode in : m.instructions) {
                if (in instanceof MethodInsnNode mi) {
                    return mi.owner.equals("java/lang/Object") && mi.name.equals("<init>") && mi.desc.equals("()V");
                }
            }
            return false;
        }

        private static Set<String> entries(ClassNode x) {
            Set<String> out = new TreeSet<>();
            for (MethodNode m : x.methods) {
                if (!m.name.startsWith("<")) {
                    out.add(m.name + " " + m.desc);
                }
            }
            return out;
        }

        /** Whether {@code in} names one of {@code parts} as an owner, a created or checked type, or a constant. */
        private static boolean usesAny(AbstractInsnNode in, List<ClassNode> parts) {
            Set<String> names = new HashSet<>();
            parts.forEach(p -> names.add(p.name));
            if (in instanceof FieldInsnNode f) {
                return names.contains(f.owner);
            }
            if (in instanceof MethodInsnNode mi) {
                return names.contains(mi.owner);
            }
            if (in instanceof TypeInsnNode t) {
                String d = t.desc.replaceAll("^\\[+L?|;$", "");
                return names.contains(d);
            }
            if (in instanceof LdcInsnNode ldc) {
                return ldc.cst instanceof Type t && (names.contains(t.getInternalName()) || t.getSort() == Type.METHOD
                        && names.stream().anyMatch(n -> t.getDescriptor().contains("L" + n + ";")))
                        || ldc.cst instanceof Handle h && names.contains(h.getOwner());
            }
            if (in instanceof InvokeDynamicInsnNode indy) {
                if (names.contains(indy.bsm.getOwner())) {
                    return true;
                }
                for (Object a : indy.bsmArgs) {
                    if (a instanceof Handle h && names.contains(h.getOwner())
                            || a instanceof Type t && names.stream().anyMatch(n -> t.getDescriptor().contains("L" + n + ";"))) {
                        return true;
                    }
                }
                return false;
            }
            return in.getOpcode() == Opcodes.MULTIANEWARRAY;
        }

        /** {@code holder} made the one class of its parts (see the class comment). */
        static void merge(ClassNode holder, List<ClassNode> parts) {
            Map<String, Integer> index = new HashMap<>();
            for (int k = 0; k < parts.size(); k++) {
                index.put(parts.get(k).name, k);
            }
            Remapper r = new Remapper() {
                @Override
                public String map(String internalName) {
                    return index.containsKey(internalName) ? holder.name : internalName;
                }

                @Override
                public String mapMethodName(String owner, String name, String descriptor) {
                    Integer k = index.get(owner);
                    return k == null || name.startsWith("<") ? name : name + "$" + k;
                }
            };
            holder.interfaces.add(IFACE);
            holder.fields.add(new FieldNode(Opcodes.ACC_PRIVATE | Opcodes.ACC_FINAL, "id", "I", null, null));
            List<Lambda> asGroup = new ArrayList<>();
            for (ClassNode x : parts) {
                ClassNode renamed = new ClassNode();
                x.accept(new ClassRemapper(renamed, r));
                for (MethodNode m : renamed.methods) {
                    if (!m.name.equals("<init>")) {
                        m.signature = null;
                        holder.methods.add(m);
                    }
                }
                asGroup.add(new Lambda(x, List.of(), 0, entries(x)));
            }
            List<InsnList> noInits = new ArrayList<>();
            parts.forEach(x -> noInits.add(new InsnList()));
            holder.methods.add(constructor(holder.name, noInits, 2));
            for (String entry : entries(parts.get(0))) {
                int sp = entry.indexOf(' ');
                holder.methods.add(dispatcher(holder.name, entry.substring(0, sp), entry.substring(sp + 1), asGroup));
            }
            for (MethodNode m : holder.methods) {
                if (!m.name.equals("<clinit>")) {
                    continue;
                }
                for (AbstractInsnNode in : m.instructions.toArray()) {
                    if (in instanceof TypeInsnNode t && index.containsKey(t.desc)) {
                        t.desc = holder.name;
                    } else if (in instanceof MethodInsnNode c && index.containsKey(c.owner)) {
                        m.instructions.insertBefore(c, intConstant(index.get(c.owner)));
                        c.owner = holder.name;
                        c.desc = "(I)V";
                    }
                }
                m.maxStack += 1;
            }
            holder.innerClasses.removeIf(ic -> index.containsKey(ic.name));
            if (holder.nestMembers != null) {
                holder.nestMembers.removeIf(index::containsKey);
                if (holder.nestMembers.isEmpty()) {
                    holder.nestMembers = null;
                }
            }
        }
    }

    /** The merged class of {@code group}: its lambdas' members renamed {@code name$k}, dispatchers, one instance each. */
    private static ClassNode merge(String name, List<Lambda> group, Remapper remapper) {
        ClassNode first = group.get(0).node;
        ClassNode m = new ClassNode();
        m.version = first.version;
        m.access = Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL | Opcodes.ACC_SUPER;
        m.name = name;
        m.superName = "java/lang/Object";
        m.interfaces = new ArrayList<>(new TreeSet<>(first.interfaces));
        m.fields.add(new FieldNode(Opcodes.ACC_PRIVATE | Opcodes.ACC_FINAL, "id", "I", null, null));
        String self = "L" + name + ";";
        InsnList clinit = new InsnList();
        List<InsnList> inits = new ArrayList<>();
        int initStack = 3;
        // the referenced constant fields (static final with a value) are kept, renamed; unreferenced ones dropped
        Set<String> referenced = new HashSet<>();
        for (Lambda l : group) {
            for (MethodNode mn : l.node.methods) {
                if (!l.dropped(mn)) {
                    for (AbstractInsnNode in : mn.instructions) {
                        if (in instanceof FieldInsnNode f) {
                            referenced.add(f.owner + "." + f.name + " " + f.desc);
                        }
                    }
                }
            }
        }
        for (int k = 0; k < group.size(); k++) {
            Lambda l = group.get(k);
            ClassNode r = new ClassNode();
            l.node.accept(new ClassRemapper(r, remapper));
            for (int i = 0; i < l.node.fields.size(); i++) {
                FieldNode orig = l.node.fields.get(i);
                FieldNode f = r.fields.get(i);
                boolean isStatic = (orig.access & Opcodes.ACC_STATIC) != 0;
                if (!isStatic || !orig.name.equals("INSTANCE") && !l.isValuesField(orig)
                        && referenced.contains(l.node.name + "." + orig.name + " " + orig.desc)) {
                    f.signature = null;
                    m.fields.add(f);
                }
            }
            m.fields.add(new FieldNode(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC | Opcodes.ACC_FINAL, "INSTANCE$" + k, self, null, null));
            for (int i = 0; i < l.node.methods.size(); i++) {
                MethodNode orig = l.node.methods.get(i);
                if (l.dropped(orig)) {
                    continue;
                }
                MethodNode mn = r.methods.get(i);
                mn.signature = null;
                m.methods.add(mn);
            }
            // the constructor's field initialisers, remapped: the same positions in the remapped constructor
            MethodNode rInit = null;
            for (MethodNode mn : r.methods) {
                if (mn.name.equals("<init>")) {
                    rInit = mn;
                }
            }
            InsnList fi = new InsnList();
            List<AbstractInsnNode> real = new ArrayList<>();
            for (AbstractInsnNode in : rInit.instructions) {
                if (in.getOpcode() >= 0) {
                    real.add(in);
                }
            }
            for (AbstractInsnNode in : real.subList(4, real.size() - 1)) {
                fi.add(in.clone(Map.of()));
            }
            inits.add(fi);
            initStack = Math.max(initStack, l.initStack);
            clinit.add(new TypeInsnNode(Opcodes.NEW, name));
            clinit.add(new InsnNode(Opcodes.DUP));
            clinit.add(intConstant(k));
            clinit.add(new MethodInsnNode(Opcodes.INVOKESPECIAL, name, "<init>", "(I)V", false));
            clinit.add(new FieldInsnNode(Opcodes.PUTSTATIC, name, "INSTANCE$" + k, self));
        }
        clinit.add(new InsnNode(Opcodes.RETURN));
        MethodNode ci = new MethodNode(Opcodes.ACC_STATIC, "<clinit>", "()V", null, null);
        ci.instructions = clinit;
        ci.maxStack = 3;
        ci.maxLocals = 0;
        m.methods.add(0, ci);
        m.methods.add(1, constructor(name, inits, initStack));
        for (String entry : group.get(0).entries) {
            int sp = entry.indexOf(' ');
            m.methods.add(dispatcher(name, entry.substring(0, sp), entry.substring(sp + 1), group));
        }
        return m;
    }

    /** {@code <init>(int id)}: sets {@code id}, then runs lambda {@code id}'s field initialisers. */
    private static MethodNode constructor(String name, List<InsnList> inits, int maxStack) {
        MethodNode c = new MethodNode(Opcodes.ACC_PRIVATE, "<init>", "(I)V", null, null);
        InsnList code = c.instructions;
        code.add(new VarInsnNode(Opcodes.ALOAD, 0));
        code.add(new MethodInsnNode(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false));
        code.add(new VarInsnNode(Opcodes.ALOAD, 0));
        code.add(new VarInsnNode(Opcodes.ILOAD, 1));
        code.add(new FieldInsnNode(Opcodes.PUTFIELD, name, "id", "I"));
        if (inits.stream().anyMatch(i -> i.size() > 0)) {
            LabelNode end = new LabelNode();
            LabelNode[] cases = new LabelNode[inits.size()];
            for (int k = 0; k < cases.length; k++) {
                cases[k] = inits.get(k).size() == 0 ? end : new LabelNode();
            }
            code.add(new VarInsnNode(Opcodes.ILOAD, 1));
            code.add(new TableSwitchInsnNode(0, cases.length - 1, end, cases));
            for (int k = 0; k < cases.length; k++) {
                if (cases[k] == end) {
                    continue;
                }
                code.add(cases[k]);
                code.add(new FrameNode(Opcodes.F_FULL, 2, new Object[] {name, Opcodes.INTEGER}, 0, new Object[0]));
                code.add(inits.get(k));
                code.add(new JumpInsnNode(Opcodes.GOTO, end));
            }
            code.add(end);
            code.add(new FrameNode(Opcodes.F_FULL, 2, new Object[] {name, Opcodes.INTEGER}, 0, new Object[0]));
        }
        code.add(new InsnNode(Opcodes.RETURN));
        c.maxStack = maxStack;
        c.maxLocals = 3;
        return c;
    }

    /** The interface method {@code name desc}: calls lambda {@code id}'s own {@code name$id} and returns what it returns. */
    private static MethodNode dispatcher(String owner, String name, String desc, List<Lambda> group) {
        MethodNode from = null;
        for (MethodNode mn : group.get(0).node.methods) {
            if (mn.name.equals(name) && mn.desc.equals(desc)) {
                from = mn;
            }
        }
        int access = Opcodes.ACC_PUBLIC | (from.access & Opcodes.ACC_VARARGS);
        MethodNode d = new MethodNode(access, name, desc, null, from.exceptions.toArray(new String[0]));
        InsnList code = d.instructions;
        code.add(new VarInsnNode(Opcodes.ALOAD, 0));
        code.add(new FieldInsnNode(Opcodes.GETFIELD, owner, "id", "I"));
        LabelNode[] cases = new LabelNode[group.size()];
        for (int k = 0; k < cases.length; k++) {
            cases[k] = new LabelNode();
        }
        code.add(new TableSwitchInsnNode(0, cases.length - 1, cases[cases.length - 1], cases));
        Type[] args = Type.getArgumentTypes(desc);
        Type ret = Type.getReturnType(desc);
        int slots = 1;
        for (Type a : args) {
            slots += a.getSize();
        }
        for (int k = 0; k < cases.length; k++) {
            code.add(cases[k]);
            code.add(new FrameNode(Opcodes.F_SAME, 0, null, 0, null));
            code.add(new VarInsnNode(Opcodes.ALOAD, 0));
            int slot = 1;
            for (Type a : args) {
                code.add(new VarInsnNode(a.getOpcode(Opcodes.ILOAD), slot));
                slot += a.getSize();
            }
            code.add(new MethodInsnNode(Opcodes.INVOKEVIRTUAL, owner, name + "$" + k, desc, false));
            code.add(new InsnNode(ret.getOpcode(Opcodes.IRETURN)));
        }
        d.maxStack = Math.max(slots, ret.getSize());
        d.maxLocals = slots;
        return d;
    }

    private static AbstractInsnNode intConstant(int k) {
        if (k <= 5) {
            return new InsnNode(Opcodes.ICONST_0 + k);
        }
        if (k <= Byte.MAX_VALUE) {
            return new IntInsnNode(Opcodes.BIPUSH, k);
        }
        if (k <= Short.MAX_VALUE) {
            return new IntInsnNode(Opcodes.SIPUSH, k);
        }
        return new LdcInsnNode(k);
    }

    /**
     * The method's real instructions (labels and line numbers left out) when it is straight code: no
     * exception handler and no stack-map frame (so no branch target); null otherwise.
     */
    private static List<AbstractInsnNode> straightCode(MethodNode m) {
        if (!m.tryCatchBlocks.isEmpty()) {
            return null;
        }
        List<AbstractInsnNode> real = new ArrayList<>();
        for (AbstractInsnNode in : m.instructions) {
            if (in instanceof FrameNode) {
                return null;
            }
            if (in.getOpcode() >= 0) {
                real.add(in);
            }
        }
        return real;
    }
}
