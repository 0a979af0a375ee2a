package io.github.motcua.rules.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.MultiANewArrayInsnNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.TypeInsnNode;

/**
 * Verifies the class files a rule compile generated (Drools' executable model) against a member-level
 * allowlist before any of them is defined, so that "pack rules can never run code" holds for what
 * actually runs, whatever the rule text looked like.
 *
 * <p>Checked, in every method of every class: each method and field reference (all INVOKE*,
 * GET/PUT*), each NEW, ANEWARRAY/MULTIANEWARRAY, CHECKCAST/INSTANCEOF, each LDC of a class, method
 * handle or dynamic constant, and each {@code invokedynamic} with its bootstrap method and every
 * bootstrap argument. Allowed targets are the classes of the compile itself (verified the same way),
 * the fact vocabulary and the members of {@link BytecodeAllowlist}. Also refused: any backward jump
 * (a loop), recursion through calls, native or synchronized methods, MONITORENTER, JSR/RET, exception
 * handlers for anything but a few arithmetic and parse exceptions, classes that extend anything but
 * Object (or Enum, for an enum), interfaces other than Drools' functional ones, overrides of
 * equals/hashCode/toString/finalize, static state written outside a static initialiser, arrays of a
 * size that is not a small constant, and more growth of strings or numbers than {@link #GROWTH_BUDGET}.
 * docs/security.md "Bytecode verifier" argues why this is complete.
 *
 * <p>The caller's half of the guarantee: pass <em>every</em> class file of the compile, define none of
 * them when a refusal comes back, and define exactly the verified bytes with a class loader that
 * resolves every name of the compile to those bytes (never to a class of the same name elsewhere) and
 * every other name through the library's loader. (Drools' code generator writes {@code ınt} for {@code int}
 * under a Turkish default locale; that is a compile error, not a hole.)
 *
 * <p>Stateless; thread-safe.
 */
final class BytecodeVerifier {
    /** The largest array a rule may allocate (varargs of generated code use a handful). */
    static final int MAX_ARRAY = 1024;
    /**
     * How many size-growing operations (a concatenation of two or more values, BigDecimal arithmetic…) one
     * call of generated code may perform, its callees included: each can at most double the largest value,
     * so nothing grows past 2^4 = 16 times the largest input (a dossier is at most 2 MiB).
     */
    static final int GROWTH_BUDGET = 4;

    /** The most instructions one call of generated code may execute, callees included (calls may fan out). */
    static final long WORK_BUDGET = 1_000_000;
    /** Namespaces a generated class may not take (it would shadow, or be mistaken for, trusted code). */
    private static final List<String> PROTECTED = List.of("java/", "javax/", "jdk/", "sun/", "com/sun/", "org/drools/",
            "org/kie/", "org/mvel2/", "org/objectweb/", "io/github/motcua/");
    /** Flag of a method whose call tree turns a value into a BigDecimal by parsing (EvaluationUtil.toBigDecimal). */
    private static final int PARSES_DECIMAL = 1;
    /** Flag of a method whose call tree adds or subtracts BigDecimals. */
    private static final int ADDS_DECIMAL = 2;
    /** Flag of a method whose call tree builds or changes long-lived objects (see BytecodeAllowlist.builds). */
    private static final int BUILDS = 4;
    /** The methods Drools calls per decision on a condition, consequence or extractor class. */
    private static final Set<String> PER_DECISION = Set.of("test", "execute", "apply");

    private static final String CONCAT_FACTORY = "java/lang/invoke/StringConcatFactory";
    private static final String LAMBDA_FACTORY = "java/lang/invoke/LambdaMetafactory";

    private BytecodeVerifier() {
    }

    /**
     * Verifies every class of one compile.
     *
     * @param classFiles internal class name (e.g. {@code "rules/p1/Rule_x"}) to class file bytes: all the
     *                   classes a compile generated; a name may also end in ".class"
     * @return every refusal, in a stable order (class, then position); empty when all may be defined
     */
    static List<BytecodeRefusal> verify(Map<String, byte[]> classFiles) {
        List<BytecodeRefusal> out = new ArrayList<>();
        Map<String, ClassNode> classes = new TreeMap<>();
        for (Map.Entry<String, byte[]> e : (classFiles instanceof java.util.SortedMap<String, byte[]> sorted
                && sorted.comparator() == null ? classFiles : new TreeMap<>(classFiles)).entrySet()) {
            String key = e.getKey().endsWith(".class") ? e.getKey().substring(0, e.getKey().length() - 6) : e.getKey();
            ClassNode cn = new ClassNode();
            try {
                new ClassReader(e.getValue()).accept(cn, 0);
            } catch (RuntimeException ex) {
                out.add(refusal(key, "", "", -1, "load.bytecode.why.unreadable"));
                continue;
            }
            if (!cn.name.equals(key)) {
                out.add(refusal(key, "", cn.name, -1, "load.bytecode.why.namesAnother"));
                continue;
            }
            if (classes.containsKey(cn.name)) {
                out.add(refusal(key, "", "", -1, "load.bytecode.why.twice"));
                continue;
            }
            if (PROTECTED.stream().anyMatch(cn.name::startsWith)) {
                out.add(refusal(key, "", "", -1, "load.bytecode.why.protectedName"));
                continue;
            }
            classes.put(cn.name, cn);
        }
        Context ctx = new Context(classes, out);
        for (ClassNode cn : classes.values()) {
            ctx.checkClass(cn);
        }
        ctx.checkCalls();
        return List.copyOf(out);
    }

    /** One verification run: the classes of the compile, the refusals, and the call graph for recursion and growth. */
    private static final class Context {
        private final Map<String, ClassNode> classes;
        private final List<BytecodeRefusal> out;
        /** Own class -> method name -> descriptor -> its node of the call graph (one per "owner.name desc"). */
        private final Map<String, Map<String, Map<String, Node>>> methods = new HashMap<>();
        /** The own methods in the order they were checked: where the walk of the call graph starts. */
        private final List<Node> order = new ArrayList<>();

        Context(Map<String, ClassNode> classes, List<BytecodeRefusal> out) {
            this.classes = classes;
            this.out = out;
            for (ClassNode cn : classes.values()) {
                Map<String, Map<String, Node>> mine = new HashMap<>();
                for (MethodNode m : cn.methods) {
                    mine.computeIfAbsent(m.name, n -> new HashMap<>(4)).computeIfAbsent(m.desc, d -> new Node(cn.name, m.name, d));
                }
                methods.put(cn.name, mine);
            }
        }

        /** The node of an own method, or null when {@code owner} declares no such method. */
        private Node node(String owner, String name, String desc) {
            Map<String, Map<String, Node>> mine = methods.get(owner);
            Map<String, Node> byDesc = mine == null ? null : mine.get(name);
            return byDesc == null ? null : byDesc.get(desc);
        }

        void checkClass(ClassNode cn) {
            boolean isEnum = (cn.access & Opcodes.ACC_ENUM) != 0;
            if (!"java/lang/Object".equals(cn.superName) && !(isEnum && "java/lang/Enum".equals(cn.superName))) {
                refuse(cn, null, String.valueOf(cn.superName), -1, "load.bytecode.why.superclass");
            }
            if ((cn.access & (Opcodes.ACC_INTERFACE | Opcodes.ACC_ANNOTATION | Opcodes.ACC_MODULE)) != 0) {
                refuse(cn, null, "", -1, "load.bytecode.why.classKind");
            }
            for (String i : cn.interfaces) {
                if (!BytecodeAllowlist.implementable(i)) {
                    refuse(cn, null, i, -1, "load.bytecode.why.interface");
                }
            }
            for (FieldNode f : cn.fields) {
                if ((f.access & Opcodes.ACC_VOLATILE) != 0) {
                    refuse(cn, null, cn.name + "." + f.name + " " + f.desc, -1, "load.bytecode.why.volatileField");
                }
            }
            boolean functional = cn.interfaces.stream().anyMatch(i -> i.startsWith("org/drools/model/functions/"));
            for (MethodNode m : cn.methods) {
                checkMethod(cn, m);
                if (functional && (m.access & Opcodes.ACC_STATIC) == 0 && PER_DECISION.contains(m.name)) {
                    node(cn.name, m.name, m.desc).perDecision = true;
                }
            }
        }

        private void checkMethod(ClassNode cn, MethodNode m) {
            Node self = node(cn.name, m.name, m.desc);
            if (!self.checked) {
                self.checked = true;
                order.add(self);
            }
            self.work = m.instructions.size();
            if ((m.access & Opcodes.ACC_NATIVE) != 0) {
                refuse(cn, m, "", -1, "load.bytecode.why.nativeMethod");
            }
            if ((m.access & Opcodes.ACC_SYNCHRONIZED) != 0) {
                refuse(cn, m, "", -1, "load.bytecode.why.synchronizedMethod");
            }
            if (m.name.equals("finalize") && m.desc.equals("()V") || (m.access & Opcodes.ACC_STATIC) == 0
                    && BytecodeAllowlist.objectMethod(m.name, m.desc)) {
                refuse(cn, m, "", -1, "load.bytecode.why.override", "name", m.name);
            }
            // index of every label, to tell a backward jump from a forward one
            Map<LabelNode, Integer> labels = new HashMap<>();
            int idx = 0;
            for (AbstractInsnNode in : m.instructions) {
                if (in instanceof LabelNode l) {
                    labels.put(l, idx);
                }
                idx++;
            }
            int line = -1;
            idx = 0;
            for (AbstractInsnNode in : m.instructions) {
                int here = idx++;
                if (in instanceof LineNumberNode ln) {
                    line = ln.line;
                    if (self.firstLine < 0) {
                        self.firstLine = line;
                    }
                    continue;
                }
                checkInsn(cn, m, self, in, here, line, labels);
            }
            for (TryCatchBlockNode t : m.tryCatchBlocks) {
                int start = labels.get(t.start);
                int end = labels.get(t.end);
                int handler = labels.get(t.handler);
                int at = lineBefore(m, t.handler);
                if (t.type == null) {
                    refuse(cn, m, "finally", at, "load.bytecode.why.finally");
                } else if (!BytecodeAllowlist.CATCHABLE.contains(t.type)) {
                    refuse(cn, m, t.type, at, "load.bytecode.why.catch", "type", display(t.type));
                }
                if (handler < end || handler <= start) {
                    refuse(cn, m, "", at, "load.bytecode.why.handlerBefore");
                }
            }
        }

        private void checkInsn(ClassNode cn, MethodNode m, Node self, AbstractInsnNode in, int here, int line,
                Map<LabelNode, Integer> labels) {
            int op = in.getOpcode();
            if (in instanceof MethodInsnNode mi) {
                current = mi;
                invoke(cn, m, self, mi.owner, mi.name, mi.desc, op, line);
                current = null;
            } else if (in instanceof FieldInsnNode fi) {
                field(cn, m, fi.owner, fi.name, fi.desc, op, line);
            } else if (in instanceof TypeInsnNode ti) {
                if (op == Opcodes.NEW) {
                    if (!classes.containsKey(ti.desc) && !BytecodeAllowlist.newType(ti.desc)) {
                        refuseHinted(cn, m, ti.desc, line, hint(ti.desc, ""), "load.bytecode.why.create", "type", display(ti.desc));
                    } else if (classes.containsKey(ti.desc) && !m.name.equals("<clinit>")) {
                        refuse(cn, m, ti.desc, line, "load.bytecode.why.ownObjects");
                    }
                } else {
                    if (op == Opcodes.CHECKCAST && ti.desc.startsWith("[") && !isInitializer(m) && !ownArray(ti.desc)) {
                        refuse(cn, m, ti.desc, line, "load.bytecode.why.arrayCast");
                    }
                    typeRef(cn, m, ti.desc, line);
                    if (op == Opcodes.ANEWARRAY) {
                        arraySize(cn, m, in, line);
                    }
                }
            } else if (op == Opcodes.NEWARRAY) {
                arraySize(cn, m, in, line);
            } else if (in instanceof MultiANewArrayInsnNode ma) {
                refuse(cn, m, ma.desc, line, "load.bytecode.why.multiArray");
            } else if (in instanceof LdcInsnNode ldc) {
                constant(cn, m, self, ldc.cst, line);
            } else if (in instanceof InvokeDynamicInsnNode indy) {
                indy(cn, m, self, indy, line);
            } else if (in instanceof JumpInsnNode j) {
                if (op == Opcodes.JSR) {
                    refuse(cn, m, "JSR", line, "load.bytecode.why.subroutine");
                }
                backward(cn, m, labels.get(j.label), here, line);
            } else if (in instanceof TableSwitchInsnNode ts) {
                backward(cn, m, labels.get(ts.dflt), here, line);
                ts.labels.forEach(l -> backward(cn, m, labels.get(l), here, line));
            } else if (in instanceof LookupSwitchInsnNode ls) {
                backward(cn, m, labels.get(ls.dflt), here, line);
                ls.labels.forEach(l -> backward(cn, m, labels.get(l), here, line));
            } else if (op == Opcodes.MONITORENTER || op == Opcodes.MONITOREXIT) {
                refuse(cn, m, "MONITORENTER", line, "load.bytecode.why.monitor");
            } else if (op == Opcodes.RET) {
                refuse(cn, m, "RET", line, "load.bytecode.why.subroutine");
            }
        }

        private void backward(ClassNode cn, MethodNode m, int target, int here, int line) {
            if (target <= here) {
                refuse(cn, m, "", line, "load.bytecode.why.loop");
            }
        }

        /** NEWARRAY/ANEWARRAY: the size must be a small constant or the length of an existing array (enum values()). */
        private void arraySize(ClassNode cn, MethodNode m, AbstractInsnNode in, int line) {
            AbstractInsnNode p = previous(in);
            Integer size = intConstant(p);
            if (size != null && size >= 0 && size <= MAX_ARRAY) {
                return;
            }
            // ECJ's enum values(): arraylength; dup; istore n; anewarray
            if (p != null && p.getOpcode() == Opcodes.ISTORE) {
                AbstractInsnNode d = previous(p);
                if (d != null && d.getOpcode() == Opcodes.DUP) {
                    p = previous(d);
                }
            }
            if (p != null && p.getOpcode() == Opcodes.ARRAYLENGTH) {
                return;
            }
            refuse(cn, m, in.getOpcode() == Opcodes.ANEWARRAY ? ((TypeInsnNode) in).desc : "NEWARRAY", line,
                    "load.bytecode.why.arraySize", "max", String.valueOf(MAX_ARRAY));
        }

        /** The instruction being checked (null for a handle or bootstrap argument). */
        private AbstractInsnNode current;

        private void invoke(ClassNode cn, MethodNode m, Node self, String owner, String name, String desc, int op,
                int line) {
            if (owner.startsWith("[")) {
                // arrays: only clone() (javac's enum values()) and Object's value methods
                if (!(name.equals("clone") && desc.equals("()Ljava/lang/Object;") || BytecodeAllowlist.objectMethod(name, desc))
                        || !BytecodeAllowlist.type(owner) && !ownArray(owner)) {
                    refuse(cn, m, member(owner, name, desc), line, "load.bytecode.why.arrayMethod");
                }
                return;
            }
            ClassNode target = classes.get(owner);
            if (target != null) {
                ownCall(cn, m, self, target, name, desc, op, line);
                return;
            }
            int kind = BytecodeAllowlist.external(owner, name, desc);
            if ((kind & BytecodeAllowlist.ALLOWED) == 0) {
                refuseHinted(cn, m, member(owner, name, desc), line, hint(owner, name), "load.bytecode.why.method",
                        "owner", display(owner), "name", name);
                return;
            }
            if (name.equals("<init>") && (owner.equals("java/lang/Object") || owner.equals("java/lang/Enum")) && !isInit(m)) {
                refuse(cn, m, member(owner, name, desc), line, "load.bytecode.why.superConstructor");
            }
            if ((kind & BytecodeAllowlist.LITERAL_ARGUMENT) != 0
                    && !(current != null && previous(current) instanceof LdcInsnNode l && l.cst instanceof String)) {
                refuse(cn, m, member(owner, name, desc), line, "load.bytecode.why.literalPattern", "owner", display(owner), "name", name);
            }
            if ((kind & BytecodeAllowlist.VOCABULARY_MEMBER) != 0 && m.name.equals("<clinit>")) {
                refuse(cn, m, member(owner, name, desc), line, "load.bytecode.why.clinitVocabulary");
            }
            if ((kind & BytecodeAllowlist.GROWS) != 0) {
                self.growth++;
            }
            if ((kind & BytecodeAllowlist.BUILDS) != 0) {
                self.flags |= BUILDS;
                if (name.equals("add") && !isInitializer(m)) {
                    refuse(cn, m, member(owner, name, desc), line, "load.bytecode.why.listAdd");
                }
            }
            if ((kind & BytecodeAllowlist.PARSES_DECIMAL) != 0) {
                self.flags |= PARSES_DECIMAL;
            }
            if ((kind & BytecodeAllowlist.ADDS_DECIMAL) != 0) {
                self.flags |= ADDS_DECIMAL;
            }
        }

        /** A call into the compile's own classes: the method must exist there (or be an allowed inherited one). */
        private void ownCall(ClassNode cn, MethodNode m, Node self, ClassNode target, String name, String desc,
                int op, int line) {
            Node callee = node(target.name, name, desc);
            if (callee == null) {
                // inherited from Object or Enum (own classes extend nothing else)
                if (!BytecodeAllowlist.method(target.superName == null ? "java/lang/Object" : target.superName, name, desc)
                        || name.startsWith("<")) {
                    refuse(cn, m, member(target.name, name, desc), line, "load.bytecode.why.undefinedMethod");
                }
                return;
            }
            self.calls.merge(callee, 1, Integer::sum);
        }

        private void field(ClassNode cn, MethodNode m, String owner, String name, String desc, int op, int line) {
            ClassNode target = classes.get(owner);
            boolean write = op == Opcodes.PUTFIELD || op == Opcodes.PUTSTATIC;
            if (target != null) {
                boolean declared = false;
                for (FieldNode f : target.fields) {
                    if (f.name.equals(name) && f.desc.equals(desc)) {
                        declared = true;
                        break;
                    }
                }
                if (!declared) {
                    refuse(cn, m, member(owner, name, desc), line, "load.bytecode.why.undefinedField");
                } else if (op == Opcodes.PUTSTATIC && !(m.name.equals("<clinit>") && owner.equals(cn.name))) {
                    refuse(cn, m, member(owner, name, desc), line, "load.bytecode.why.staticWrite");
                } else if (op == Opcodes.PUTFIELD && !(isInit(m) && owner.equals(cn.name))) {
                    refuse(cn, m, member(owner, name, desc), line, "load.bytecode.why.fieldWrite");
                } else if (!write && desc.startsWith("[") && !isInitializer(m) && !ownArray(desc)) {
                    refuse(cn, m, member(owner, name, desc), line, "load.bytecode.why.arrayField");
                }
                return;
            }
            if (write) {
                refuse(cn, m, member(owner, name, desc), line, "load.bytecode.why.write", "owner", display(owner), "name", name);
            } else if (op == Opcodes.GETFIELD || !BytecodeAllowlist.staticField(owner, name)) {
                refuseHinted(cn, m, member(owner, name, desc), line, hint(owner, name), "load.bytecode.why.read",
                        "owner", display(owner), "name", name);
            }
        }

        private void typeRef(ClassNode cn, MethodNode m, String type, int line) {
            if (!classes.containsKey(type) && !ownArray(type) && !BytecodeAllowlist.type(type)) {
                refuseHinted(cn, m, type, line, hint(type, ""), "load.bytecode.why.type", "type", display(type));
            }
        }

        private boolean ownArray(String desc) {
            if (!desc.startsWith("[")) {
                return false;
            }
            Type e = Type.getType(desc).getElementType();
            return e.getSort() == Type.OBJECT && classes.containsKey(e.getInternalName());
        }

        private void constant(ClassNode cn, MethodNode m, Node self, Object cst, int line) {
            if (cst instanceof Type t) {
                if (t.getSort() == Type.OBJECT) {
                    typeRef(cn, m, t.getInternalName(), line);
                } else if (t.getSort() == Type.ARRAY) {
                    typeRef(cn, m, t.getDescriptor(), line);
                } else {
                    refuse(cn, m, t.getDescriptor(), line, "load.bytecode.why.methodType");
                }
            } else if (cst instanceof Handle h) {
                handle(cn, m, self, h, line);
            } else if (cst instanceof ConstantDynamic cd) {
                refuse(cn, m, cd.getName() + " " + cd.getDescriptor(), line, "load.bytecode.why.dynamicConstant");
            }
        }

        /** A method handle (LDC or bootstrap argument) is a reference like a call. */
        private void handle(ClassNode cn, MethodNode m, Node self, Handle h, int line) {
            int tag = h.getTag();
            if (tag == Opcodes.H_GETFIELD || tag == Opcodes.H_GETSTATIC) {
                field(cn, m, h.getOwner(), h.getName(), h.getDesc(),
                        tag == Opcodes.H_GETFIELD ? Opcodes.GETFIELD : Opcodes.GETSTATIC, line);
            } else if (tag == Opcodes.H_PUTFIELD || tag == Opcodes.H_PUTSTATIC) {
                refuse(cn, m, h.getOwner() + "." + h.getName() + " " + h.getDesc(), line,
                        "load.bytecode.why.handleWrite");
            } else if (tag == Opcodes.H_NEWINVOKESPECIAL) {
                if (!classes.containsKey(h.getOwner()) && !BytecodeAllowlist.newType(h.getOwner())) {
                    refuseHinted(cn, m, h.getOwner(), line, hint(h.getOwner(), ""), "load.bytecode.why.create", "type", display(h.getOwner()));
                } else if (classes.containsKey(h.getOwner())) {
                    refuse(cn, m, h.getOwner(), line, "load.bytecode.why.handleOwnObjects");
                } else {
                    invoke(cn, m, self, h.getOwner(), h.getName(), h.getDesc(), Opcodes.INVOKESPECIAL, line);
                }
            } else {
                // a handle to a constructor without NEW would be refused by invoke
                invoke(cn, m, self, h.getOwner(), h.getName(), h.getDesc(),
                        tag == Opcodes.H_INVOKESTATIC ? Opcodes.INVOKESTATIC
                                : tag == Opcodes.H_INVOKEINTERFACE ? Opcodes.INVOKEINTERFACE
                                : tag == Opcodes.H_INVOKESPECIAL ? Opcodes.INVOKESPECIAL : Opcodes.INVOKEVIRTUAL, line);
            }
        }

        private void indy(ClassNode cn, MethodNode m, Node self, InvokeDynamicInsnNode indy, int line) {
            Handle bsm = indy.bsm;
            String member = bsm.getOwner() + "." + bsm.getName() + " " + bsm.getDesc();
            if (bsm.getOwner().equals(CONCAT_FACTORY)
                    && (bsm.getName().equals("makeConcatWithConstants") || bsm.getName().equals("makeConcat"))) {
                for (Object a : indy.bsmArgs) {
                    if (!(a instanceof String)) {
                        constant(cn, m, self, a, line);
                    }
                }
                int objects = 0;
                for (Type t : Type.getArgumentTypes(indy.desc)) {
                    if (t.getSort() == Type.OBJECT || t.getSort() == Type.ARRAY) {
                        objects++;
                    }
                }
                if (objects > 1) {
                    self.growth += objects - 1;
                }
                return;
            }
            if (bsm.getOwner().equals(LAMBDA_FACTORY)
                    && (bsm.getName().equals("metafactory") || bsm.getName().equals("altMetafactory"))) {
                Type iface = Type.getReturnType(indy.desc);
                if (!BytecodeAllowlist.implementable(iface.getInternalName())) {
                    refuse(cn, m, iface.getInternalName(), line,
                            "load.bytecode.why.lambdaInterfaceNamed", "type", display(iface.getInternalName()));
                }
                if (bsm.getName().equals("altMetafactory") && indy.bsmArgs.length > 3
                        && indy.bsmArgs[3] instanceof Integer flags && (flags & ~0x2) != 0) {
                    // FLAG_SERIALIZABLE (1) and FLAG_BRIDGES (4) are refused; FLAG_MARKERS (2) markers checked below
                    refuse(cn, m, member, line, "load.bytecode.why.serializableLambda");
                }
                for (int i = 0; i < indy.bsmArgs.length; i++) {
                    Object a = indy.bsmArgs[i];
                    if (i >= 4 && a instanceof Type t && t.getSort() == Type.OBJECT
                            && !BytecodeAllowlist.implementable(t.getInternalName())) {
                        refuse(cn, m, t.getInternalName(), line, "load.bytecode.why.lambdaInterface");
                    } else if (a instanceof Handle h) {
                        handle(cn, m, self, h, line);
                    } else if (a instanceof ConstantDynamic cd) {
                        refuse(cn, m, cd.getName(), line, "load.bytecode.why.dynamicConstant");
                    }
                }
                return;
            }
            refuseHinted(cn, m, member, line, hint(bsm.getOwner(), bsm.getName()), "load.bytecode.why.bootstrap",
                    "owner", display(bsm.getOwner()), "name", bsm.getName());
        }

        /** Recursion (a cycle of own calls), work, growth and decimal parsing, over the call graph of the whole compile. */
        void checkCalls() {
            for (Node start : order) {
                walk(start);
            }
            // every method was walked: its totals are its callees' included; refusals in "owner.name desc" order
            List<Node> refused = new ArrayList<>();
            for (Node n : order) {
                if (n.total[0] > GROWTH_BUDGET || n.total[1] > WORK_BUDGET || n.perDecision && (n.total[2] & BUILDS) != 0
                        || (n.total[2] & (PARSES_DECIMAL | ADDS_DECIMAL)) == (PARSES_DECIMAL | ADDS_DECIMAL)) {
                    refused.add(n);
                }
            }
            refused.sort(java.util.Comparator.comparing(Node::key));
            for (Node n : refused) {
                long[] t = n.total;
                if (t[0] > GROWTH_BUDGET) {
                    out.add(refusal(n.owner, n.name + n.desc, "", n.firstLine, "load.bytecode.why.growth",
                            "steps", String.valueOf(t[0]), "max", String.valueOf(GROWTH_BUDGET)));
                }
                if (t[1] > WORK_BUDGET) {
                    out.add(refusal(n.owner, n.name + n.desc, "", n.firstLine, "load.bytecode.why.work",
                            "max", String.valueOf(WORK_BUDGET)));
                }
                if (n.perDecision && (t[2] & BUILDS) != 0) {
                    out.add(refusal(n.owner, n.name + n.desc, "", n.firstLine, "load.bytecode.why.perDecisionBuild"));
                }
                if ((t[2] & (PARSES_DECIMAL | ADDS_DECIMAL)) == (PARSES_DECIMAL | ADDS_DECIMAL)) {
                    out.add(refusal(n.owner, n.name + n.desc, "java/math/BigDecimal.add", n.firstLine,
                            "load.bytecode.why.decimalFromText"));
                }
            }
        }

        private static final long CAP = 1L << 40;

        private long[] walk(Node node) {
            if (node.state == 2) {
                return node.total;
            }
            if (node.state == 1) {
                if (!node.reported) {
                    node.reported = true;
                    out.add(refusal(node.owner, node.name + node.desc, node.key(), node.firstLine, "load.bytecode.why.recursion"));
                }
                return new long[3];
            }
            node.state = 1;
            long g = node.growth;
            long w = node.work;
            long f = node.flags;
            for (Map.Entry<Node, Integer> callee : node.calls.entrySet()) {
                long[] c = walk(callee.getKey());
                g = Math.min(CAP, g + callee.getValue() * c[0]);
                w = Math.min(CAP, w + callee.getValue() * c[1]);
                f |= c[2];
            }
            node.total = new long[] {g, w, f};
            node.state = 2;
            return node.total;
        }

        /** A refusal in {@code cn}'s method {@code m} (null: the class itself); {@code args}: names and values. */
        private void refuse(ClassNode cn, MethodNode m, String member, int line, String key, String... args) {
            refuseHinted(cn, m, member, line, "", key, args);
        }

        /** As {@link #refuse}, naming the family of a well-known forbidden API ({@code hint}: a key, or empty). */
        private void refuseHinted(ClassNode cn, MethodNode m, String member, int line, String hint, String key,
                String... args) {
            out.add(new BytecodeRefusal(cn.name, m == null ? "" : m.name + m.desc, member, line, key,
                    io.github.motcua.kernel.Messages.pairs(args), hint));
        }
    }

    /**
     * One own method ("owner.name desc": methods of the same name and descriptor are one) in the call graph of a
     * compile: what its own body spends, the own methods it calls or references (with how many times, in the order
     * first met), and the walk's state and totals.
     */
    private static final class Node {
        final String owner;
        final String name;
        final String desc;
        final Map<Node, Integer> calls = new LinkedHashMap<>(4);
        /** Growth operations, instructions, and PARSES_DECIMAL / ADDS_DECIMAL / BUILDS flags of its own body. */
        int growth;
        int work;
        int flags;
        /** The first line number met in its body (for refusals found on the graph), else -1. */
        int firstLine = -1;
        /** A functional method of a condition/consequence/extractor class: Drools calls it per decision. */
        boolean perDecision;
        boolean checked;
        boolean reported;
        /** 0 not walked, 1 on the walk's path, 2 done ({@link #total}: growth, work, flags, callees included). */
        int state;
        long[] total;

        Node(String owner, String name, String desc) {
            this.owner = owner;
            this.name = name;
            this.desc = desc;
        }

        String key() {
            return BytecodeVerifier.key(owner, name, desc);
        }
    }

    /** {@code owner.name desc}: a member as a refusal names it (built only for a refusal). */
    private static String member(String owner, String name, String desc) {
        return owner + "." + name + " " + desc;
    }

    private static BytecodeRefusal refusal(String className, String method, String member, int line, String key,
            String... args) {
        return new BytecodeRefusal(className, method, member, line, key, io.github.motcua.kernel.Messages.pairs(args), "");
    }

    private static boolean isInit(MethodNode m) {
        return m.name.equals("<init>");
    }

    private static boolean isInitializer(MethodNode m) {
        return m.name.equals("<init>") || m.name.equals("<clinit>");
    }

    private static String key(String owner, String name, String desc) {
        return owner + "." + name + " " + desc;
    }

    private static int lineBefore(MethodNode m, LabelNode label) {
        int line = -1;
        for (AbstractInsnNode in : m.instructions) {
            if (in instanceof LineNumberNode ln) {
                line = ln.line;
            }
            if (in == label) {
                AbstractInsnNode n = in.getNext();
                return n instanceof LineNumberNode ln ? ln.line : line;
            }
        }
        return line;
    }

    private static AbstractInsnNode previous(AbstractInsnNode in) {
        AbstractInsnNode p = in.getPrevious();
        while (p != null && p.getOpcode() < 0) {
            p = p.getPrevious();
        }
        return p;
    }

    private static Integer intConstant(AbstractInsnNode in) {
        if (in == null) {
            return null;
        }
        int op = in.getOpcode();
        if (op >= Opcodes.ICONST_M1 && op <= Opcodes.ICONST_5) {
            return op - Opcodes.ICONST_0;
        }
        if ((op == Opcodes.BIPUSH || op == Opcodes.SIPUSH) && in instanceof IntInsnNode ii) {
            return ii.operand;
        }
        if (in instanceof LdcInsnNode l && l.cst instanceof Integer i) {
            return i;
        }
        return null;
    }

    private static String display(String internalName) {
        return internalName.replace('/', '.');
    }

    /** Names the family of a well-known forbidden API, so an analyst sees why. */
    private static String hint(String owner, String name) {
        String o = owner.startsWith("[") ? Type.getType(owner).getElementType().getInternalName() : owner;
        if (o.equals("java/lang/String") && Set.of("matches", "replaceAll", "replaceFirst", "split").contains(name)) {
            return "load.bytecode.hint.regex";
        }
        if (o.equals("java/lang/String") && Set.of("repeat", "format", "join", "replace").contains(name)) {
            return "load.bytecode.hint.memory";
        }
        if (name.equals("getClass")) {
            return "load.bytecode.hint.reflection";
        }
        if (o.equals("java/lang/Class") || o.equals("java/lang/ClassLoader") || o.startsWith("java/lang/reflect/")
                || o.startsWith("java/lang/invoke/")) {
            return "load.bytecode.hint.reflection";
        }
        if (o.startsWith("java/io/") || o.startsWith("java/nio/")) {
            return "load.bytecode.hint.io";
        }
        if (o.startsWith("java/net/")) {
            return "load.bytecode.hint.network";
        }
        if (o.equals("java/lang/System") || o.equals("java/lang/Runtime") || o.equals("java/lang/ProcessBuilder")
                || o.equals("java/lang/Process") || o.startsWith("sun/") || o.startsWith("jdk/internal/")) {
            return "load.bytecode.hint.system";
        }
        if (o.equals("java/lang/Thread") || o.startsWith("java/util/concurrent/")) {
            return "load.bytecode.hint.threads";
        }
        if (o.startsWith("java/util/regex/")) {
            return "load.bytecode.hint.regex";
        }
        return "";
    }
}
