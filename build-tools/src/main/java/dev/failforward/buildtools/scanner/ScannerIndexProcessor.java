package dev.failforward.buildtools.scanner;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.tools.Diagnostic;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes the Atlassian Spring Scanner index ({@code META-INF/plugin-components/*}) at compile time, in the
 * format the scanner runtime reads (see {@code reference/packaging.md} §1.2–1.5). It replaces Atlassian's
 * {@code atlassian-spring-scanner-maven-plugin}, which cannot be downloaded from Maven Central.
 *
 * <p>Annotations are matched by <em>name</em> through {@link AnnotationMirror}s, so neither the Atlassian
 * annotation jar nor the stand-ins have to be on this processor's own classpath:
 * <ul>
 *   <li>{@code component}: types annotated {@code jakarta.inject.Named}, {@code javax.inject.Named},
 *       {@code org.springframework.stereotype.Component}, or any annotation meta-annotated (transitively)
 *       with {@code @Component} (e.g. {@code @Service});</li>
 *   <li>{@code component-<product>}: {@code @JiraComponent}, {@code @ConfluenceComponent} (and the other
 *       product annotations of the scanner's {@code component} package);</li>
 *   <li>{@code imports} / {@code imports-<product>}: fields and constructor/method parameters annotated
 *       {@code @ComponentImport} (or an annotation meta-annotated with it) / {@code @JiraImport},
 *       {@code @ConfluenceImport}, …; the line is the erased type's binary name;</li>
 *   <li>{@code exports} / {@code dev-exports}: {@code @ExportAsService} / {@code @ExportAsDevService}.</li>
 * </ul>
 * Lines are {@code name} or {@code name#value}; each file is sorted, de-duplicated, UTF-8, {@code \n}-terminated
 * and written once, when processing is over, only if it has entries.
 *
 * <p>Why not merge with an earlier index file (as Atlassian's 1.x annotation processor did)? Maven recompiles
 * the whole module when anything changes, and merging is how stale entries of deleted classes survive.
 */
@SupportedAnnotationTypes("*")
public final class ScannerIndexProcessor extends AbstractProcessor {

    /** Directory of the index files, relative to the class output. */
    public static final String INDEX_DIR = "META-INF/plugin-components/";

    static final String JAKARTA_NAMED = "jakarta.inject.Named";
    static final String JAVAX_NAMED = "javax.inject.Named";
    static final String SPRING_COMPONENT = "org.springframework.stereotype.Component";
    static final String SCANNER = "com.atlassian.plugin.spring.scanner.annotation.";
    static final String COMPONENT_IMPORT = SCANNER + "imports.ComponentImport";
    static final String EXPORT_AS_SERVICE = SCANNER + "export.ExportAsService";
    static final String EXPORT_AS_DEV_SERVICE = SCANNER + "export.ExportAsDevService";

    /** The products of the scanner's {@code ProductFilter} (minus ALL); each has a {@code <P>Component} and {@code <P>Import}. */
    private static final String PRODUCTS = "Jira|Confluence|Bamboo|Bitbucket|Stash|Crowd|Fecru|Refapp";
    private static final Pattern PRODUCT_COMPONENT =
            Pattern.compile(Pattern.quote(SCANNER + "component.") + "(" + PRODUCTS + ")Component");
    private static final Pattern PRODUCT_IMPORT =
            Pattern.compile(Pattern.quote(SCANNER + "imports.") + "(" + PRODUCTS + ")Import");

    private final Map<String, SortedSet<String>> index = new TreeMap<>();
    private boolean written;

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment roundEnv) {
        for (Element root : roundEnv.getRootElements()) {
            visit(root);
        }
        if (roundEnv.processingOver() && !written) {
            written = true;
            write();
        }
        return false; // never claim annotations: "*" would hide them from other processors
    }

    private void visit(Element element) {
        if (element instanceof TypeElement type) {
            visitType(type);
            for (Element enclosed : type.getEnclosedElements()) {
                switch (enclosed.getKind()) {
                    case FIELD -> visitImport((VariableElement) enclosed, type);
                    case CONSTRUCTOR, METHOD -> {
                        for (VariableElement parameter : ((ExecutableElement) enclosed).getParameters()) {
                            visitImport(parameter, type);
                        }
                    }
                    default -> {
                        if (enclosed instanceof TypeElement) {
                            visit(enclosed);
                        }
                    }
                }
            }
        }
    }

    private void visitType(TypeElement type) {
        if (type.getKind() == ElementKind.ANNOTATION_TYPE) {
            return; // a stereotype such as @Service is not itself a bean
        }
        String binaryName = binaryName(type);
        boolean component = false;
        for (AnnotationMirror annotation : type.getAnnotationMirrors()) {
            String file = componentFile(annotationType(annotation));
            if (file == null) {
                continue;
            }
            component = true;
            if (type.getKind().isInterface() || type.getModifiers().contains(Modifier.ABSTRACT)) {
                error("@" + simpleName(annotation) + " on " + binaryName
                        + ": a component must be a concrete class, not an interface or abstract class", type, annotation);
                continue;
            }
            add(file, withValue(binaryName, stringValue(annotation)));
        }
        for (AnnotationMirror annotation : type.getAnnotationMirrors()) {
            String name = annotationType(annotation).getQualifiedName().toString();
            String file = name.equals(EXPORT_AS_SERVICE) ? "exports" : name.equals(EXPORT_AS_DEV_SERVICE) ? "dev-exports" : null;
            if (file == null) {
                continue;
            }
            if (!component) {
                error("@" + simpleName(annotation) + " on " + binaryName + ": the class is not a component"
                        + " (add @Named); the scanner runtime only exports beans", type, annotation);
                continue;
            }
            List<String> interfaces = new ArrayList<>();
            for (AnnotationValue value : arrayValue(annotation, "value")) {
                if (value.getValue() instanceof TypeMirror mirror) {
                    erasedBinaryName(mirror).ifPresent(interfaces::add);
                }
            }
            add(file, interfaces.isEmpty() ? binaryName : binaryName + "#" + String.join(",", interfaces));
        }
    }

    private void visitImport(VariableElement variable, TypeElement owner) {
        for (AnnotationMirror annotation : variable.getAnnotationMirrors()) {
            String file = importFile(annotationType(annotation));
            if (file == null) {
                continue;
            }
            Optional<String> type = erasedBinaryName(variable.asType());
            if (type.isEmpty()) {
                error("@" + simpleName(annotation) + " on " + describe(variable, owner) + " of type " + variable.asType()
                        + ": an imported OSGi service must have a class or interface type (not a primitive, array or type variable)",
                        variable, annotation);
                continue;
            }
            add(file, withValue(type.get(), stringValue(annotation)));
        }
    }

    /** The component index file an annotation on a type leads to, or null. */
    private String componentFile(TypeElement annotationType) {
        String name = annotationType.getQualifiedName().toString();
        Matcher product = PRODUCT_COMPONENT.matcher(name);
        if (product.matches()) {
            return "component-" + product.group(1).toLowerCase(Locale.ROOT);
        }
        if (name.equals(JAKARTA_NAMED) || name.equals(JAVAX_NAMED) || name.equals(SPRING_COMPONENT)
                || isMetaAnnotated(annotationType, SPRING_COMPONENT, new HashSet<>())) {
            return "component";
        }
        return null;
    }

    /** The import index file an annotation on a field or parameter leads to, or null. */
    private String importFile(TypeElement annotationType) {
        String name = annotationType.getQualifiedName().toString();
        Matcher product = PRODUCT_IMPORT.matcher(name);
        if (product.matches()) {
            return "imports-" + product.group(1).toLowerCase(Locale.ROOT);
        }
        if (name.equals(COMPONENT_IMPORT) || isMetaAnnotated(annotationType, COMPONENT_IMPORT, new HashSet<>())) {
            return "imports";
        }
        return null;
    }

    private boolean isMetaAnnotated(TypeElement annotationType, String target, Set<String> seen) {
        if (!seen.add(annotationType.getQualifiedName().toString())) {
            return false;
        }
        for (AnnotationMirror meta : annotationType.getAnnotationMirrors()) {
            TypeElement metaType = annotationType(meta);
            String metaName = metaType.getQualifiedName().toString();
            if (PRODUCT_COMPONENT.matcher(metaName).matches() || PRODUCT_IMPORT.matcher(metaName).matches()) {
                continue; // a product annotation is not cross-product
            }
            if (metaName.equals(target) || isMetaAnnotated(metaType, target, seen)) {
                return true;
            }
        }
        return false;
    }

    private void add(String file, String line) {
        index.computeIfAbsent(file, f -> new TreeSet<>()).add(line);
    }

    private void write() {
        for (Map.Entry<String, SortedSet<String>> file : index.entrySet()) {
            StringBuilder text = new StringBuilder();
            for (String line : file.getValue()) {
                text.append(line).append('\n');
            }
            try {
                FileObject resource = processingEnv.getFiler()
                        .createResource(StandardLocation.CLASS_OUTPUT, "", INDEX_DIR + file.getKey());
                try (Writer out = new java.io.OutputStreamWriter(resource.openOutputStream(), StandardCharsets.UTF_8)) {
                    out.write(text.toString());
                }
            } catch (IOException e) {
                processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
                        "cannot write " + INDEX_DIR + file.getKey() + ": " + e);
            }
        }
    }

    private static String withValue(String name, String value) {
        return value.isEmpty() ? name : name + "#" + value;
    }

    private static TypeElement annotationType(AnnotationMirror annotation) {
        return (TypeElement) annotation.getAnnotationType().asElement();
    }

    private static String simpleName(AnnotationMirror annotation) {
        return annotationType(annotation).getSimpleName().toString();
    }

    /** The annotation's {@code value} if it is a String (explicit or default), else "". */
    private String stringValue(AnnotationMirror annotation) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
                : processingEnv.getElementUtils().getElementValuesWithDefaults(annotation).entrySet()) {
            if (entry.getKey().getSimpleName().contentEquals("value") && entry.getValue().getValue() instanceof String s) {
                return s.trim();
            }
        }
        return "";
    }

    private List<? extends AnnotationValue> arrayValue(AnnotationMirror annotation, String name) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
                : processingEnv.getElementUtils().getElementValuesWithDefaults(annotation).entrySet()) {
            if (entry.getKey().getSimpleName().contentEquals(name)) {
                Object value = entry.getValue().getValue();
                if (value instanceof List<?> list) {
                    @SuppressWarnings("unchecked")
                    List<? extends AnnotationValue> values = (List<? extends AnnotationValue>) list;
                    return values;
                }
                if (value instanceof TypeMirror) { // a single class given without braces, as some compilers keep it
                    return List.of(entry.getValue());
                }
            }
        }
        return List.of();
    }

    /** The binary name of a type's erasure, if it is a class or interface type. */
    private Optional<String> erasedBinaryName(TypeMirror type) {
        TypeMirror erased = processingEnv.getTypeUtils().erasure(type);
        if (erased.getKind() != TypeKind.DECLARED || type.getKind() == TypeKind.TYPEVAR) {
            return Optional.empty();
        }
        return Optional.of(binaryName((TypeElement) ((DeclaredType) erased).asElement()));
    }

    private String binaryName(TypeElement type) {
        return processingEnv.getElementUtils().getBinaryName(type).toString();
    }

    private static String describe(VariableElement variable, TypeElement owner) {
        if (variable.getKind() == ElementKind.FIELD) {
            return "field " + owner.getQualifiedName() + "." + variable.getSimpleName();
        }
        Element method = variable.getEnclosingElement();
        String where = method.getKind() == ElementKind.CONSTRUCTOR ? "constructor of " + owner.getQualifiedName()
                : owner.getQualifiedName() + "." + method.getSimpleName() + "()";
        return "parameter " + variable.getSimpleName() + " of " + where;
    }

    private void error(String message, Element element, AnnotationMirror annotation) {
        processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, message, element, annotation);
    }
}
