package dev.failforward.buildtools.verify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.RecordComponentVisitor;
import org.objectweb.asm.Type;
import org.objectweb.asm.TypePath;

/** What the verifier needs from one class file, read with ASM. */
final class ClassScan {

    private static final int API = Opcodes.ASM9;

    /**
     * An annotation use: its descriptor ({@code Ljakarta/inject/Named;}) and its top-level element values
     * (a String, a {@link Type}, a {@code List} for arrays, or another ASM value).
     */
    record Annotation(String descriptor, Map<String, Object> values) {
        String className() {
            return Type.getType(descriptor).getClassName();
        }
    }

    /** An annotation on a field or on a method/constructor parameter, with the annotated element's type. */
    record Target(String where, Type type, Annotation annotation) {
    }

    /**
     * @param binaryName  e.g. {@code com.example.Outer$Inner}
     * @param access      class access flags
     * @param annotations class annotations, visible and invisible
     * @param targets     field and parameter annotations
     * @param strings     every String constant: LDC, field ConstantValue, annotation values (any depth)
     */
    record ClassInfo(String binaryName, int access, List<Annotation> annotations, List<Target> targets, Set<String> strings) {
        boolean isAnnotation() {
            return (access & Opcodes.ACC_ANNOTATION) != 0;
        }

        boolean isAbstractOrInterface() {
            return (access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_INTERFACE)) != 0;
        }
    }

    private ClassScan() {
    }

    static ClassInfo read(byte[] bytes) {
        Collector collector = new Collector();
        new ClassReader(bytes).accept(collector, ClassReader.SKIP_FRAMES);
        return new ClassInfo(collector.name, collector.access, collector.annotations, collector.targets, collector.strings);
    }

    private static final class Collector extends ClassVisitor {
        String name;
        int access;
        final List<Annotation> annotations = new ArrayList<>();
        final List<Target> targets = new ArrayList<>();
        final Set<String> strings = new LinkedHashSet<>();

        Collector() {
            super(API);
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
            this.name = Type.getObjectType(name).getClassName();
            this.access = access;
        }

        @Override
        public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
            return recording(descriptor, annotations::add);
        }

        @Override
        public AnnotationVisitor visitTypeAnnotation(int typeRef, TypePath typePath, String descriptor, boolean visible) {
            return new StringCollector(null, strings);
        }

        @Override
        public RecordComponentVisitor visitRecordComponent(String name, String descriptor, String signature) {
            return new RecordComponentVisitor(API) {
                @Override
                public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
                    return new StringCollector(null, strings);
                }
            };
        }

        @Override
        public FieldVisitor visitField(int access, String fieldName, String descriptor, String signature, Object value) {
            if (value instanceof String s) {
                strings.add(s);
            }
            Type type = Type.getType(descriptor);
            String where = "field " + name + "." + fieldName;
            return new FieldVisitor(API) {
                @Override
                public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
                    return recording(annotation, a -> targets.add(new Target(where, type, a)));
                }

                @Override
                public AnnotationVisitor visitTypeAnnotation(int typeRef, TypePath typePath, String annotation, boolean visible) {
                    return new StringCollector(null, strings);
                }
            };
        }

        @Override
        public MethodVisitor visitMethod(int access, String methodName, String descriptor, String signature, String[] exceptions) {
            Type[] parameters = Type.getArgumentTypes(descriptor);
            String method = methodName.equals("<init>") ? "constructor of " + name : name + "." + methodName + "()";
            return new MethodVisitor(API) {
                final int[] annotable = {parameters.length, parameters.length}; // [invisible, visible]

                @Override
                public void visitAnnotableParameterCount(int count, boolean visible) {
                    annotable[visible ? 1 : 0] = count;
                }

                @Override
                public AnnotationVisitor visitParameterAnnotation(int parameter, String annotation, boolean visible) {
                    // javac leaves synthetic leading parameters (outer instance, enum name/ordinal) out of the count
                    int count = annotable[visible ? 1 : 0];
                    int index = parameter + (count > 0 && count < parameters.length ? parameters.length - count : 0);
                    Type type = index < parameters.length ? parameters[index] : Type.VOID_TYPE;
                    String where = "parameter " + (index + 1) + " of " + method;
                    return recording(annotation, a -> targets.add(new Target(where, type, a)));
                }

                @Override
                public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
                    return new StringCollector(null, strings);
                }

                @Override
                public AnnotationVisitor visitAnnotationDefault() {
                    return new StringCollector(null, strings);
                }

                @Override
                public AnnotationVisitor visitTypeAnnotation(int typeRef, TypePath typePath, String annotation, boolean visible) {
                    return new StringCollector(null, strings);
                }

                @Override
                public void visitLdcInsn(Object value) {
                    if (value instanceof String s) {
                        strings.add(s);
                    }
                }
            };
        }

        private AnnotationVisitor recording(String descriptor, java.util.function.Consumer<Annotation> sink) {
            Map<String, Object> values = new LinkedHashMap<>();
            return new StringCollector(values, strings) {
                @Override
                public void visitEnd() {
                    sink.accept(new Annotation(descriptor, values));
                }
            };
        }
    }

    /**
     * Collects String values at any depth; if {@code values} is not null, also records the top-level element
     * values (arrays as lists).
     */
    private static class StringCollector extends AnnotationVisitor {
        private final Map<String, Object> values;
        private final Set<String> strings;

        StringCollector(Map<String, Object> values, Set<String> strings) {
            super(API);
            this.values = values;
            this.strings = strings;
        }

        @Override
        public void visit(String name, Object value) {
            if (value instanceof String s) {
                strings.add(s);
            }
            if (values != null) {
                values.put(name, value);
            }
        }

        @Override
        public AnnotationVisitor visitAnnotation(String name, String descriptor) {
            return new StringCollector(null, strings);
        }

        @Override
        public AnnotationVisitor visitArray(String name) {
            List<Object> list = new ArrayList<>();
            if (values != null) {
                values.put(name, list);
            }
            return new AnnotationVisitor(API) {
                @Override
                public void visit(String ignored, Object value) {
                    if (value instanceof String s) {
                        strings.add(s);
                    }
                    list.add(value);
                }

                @Override
                public AnnotationVisitor visitAnnotation(String ignored, String descriptor) {
                    return new StringCollector(null, strings);
                }
            };
        }
    }
}
