package dev.failforward.host.templates;

import org.apache.velocity.util.introspection.Info;
import org.apache.velocity.util.introspection.UberspectImpl;
import org.apache.velocity.util.introspection.VelMethod;
import org.apache.velocity.util.introspection.VelPropertyGet;
import org.apache.velocity.util.introspection.VelPropertySet;

import java.lang.reflect.Method;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Velocity 1.7's introspection with velocity-htmlsafe's marking of HTML-safe return values (its
 * {@code AnnotationBoxingUberspect}): a method named {@code …Html}, {@code render…} or {@code getRender…}, or annotated
 * {@code @HtmlSafe}, returns an {@link HtmlSafeValue}; a property read through a getter is judged by the getter's
 * name ({@code getTitleHtml}), a property of a map by {@code Map.get}, which is not HTML-safe. Targets and arguments
 * are unboxed before every call. As {@code @HtmlSafe} is inherited by collections there, the elements of an HTML-safe
 * collection ({@code #foreach}, {@code $list.get(0)}, {@code $map.get("k")}) are HTML-safe too.
 */
public final class HtmlSafeUberspect extends UberspectImpl {

    @Override
    @SuppressWarnings("rawtypes")
    public Iterator getIterator(Object obj, Info i) throws Exception {
        Iterator<?> iterator = super.getIterator(HtmlSafeValue.unbox(obj), i);
        if (iterator == null || !(obj instanceof HtmlSafeValue)) {
            return iterator;
        }
        return new Iterator<Object>() {
            @Override
            public boolean hasNext() {
                return iterator.hasNext();
            }

            @Override
            public Object next() {
                return HtmlSafeValue.box(iterator.next());
            }
        };
    }

    @Override
    public VelMethod getMethod(Object obj, String methodName, Object[] args, Info i) throws Exception {
        Object target = HtmlSafeValue.unbox(obj);
        Object[] plain = HtmlSafeValue.unboxAll(args);
        VelMethod method = super.getMethod(target, methodName, plain, i);
        if (method == null) {
            return null;
        }
        boolean safe = HtmlSafePolicy.htmlSafe(lookup(target, methodName, plain))
                || (obj instanceof HtmlSafeValue && "get".equals(methodName)
                && (target instanceof Map || target instanceof List));
        return new UnboxingMethod(method, safe);
    }

    @Override
    public VelPropertyGet getPropertyGet(Object obj, String identifier, Info i) throws Exception {
        Object target = HtmlSafeValue.unbox(obj);
        VelPropertyGet getter = super.getPropertyGet(target, identifier, i);
        if (getter == null) {
            return null;
        }
        // judged by the method the getter calls, looked up without arguments as velocity-htmlsafe does: getFooHtml()
        // is HTML-safe; Map.get(Object) and get(String) are not found that way, so nothing read through them is
        boolean safe = HtmlSafePolicy.htmlSafe(lookup(target, getter.getMethodName(), new Object[0]));
        return new UnboxingGet(getter, safe);
    }

    @Override
    public VelPropertySet getPropertySet(Object obj, String identifier, Object arg, Info i) throws Exception {
        VelPropertySet setter = super.getPropertySet(HtmlSafeValue.unbox(obj), identifier, HtmlSafeValue.unbox(arg), i);
        return setter == null ? null : new UnboxingSet(setter);
    }

    private Method lookup(Object target, String methodName, Object[] args) {
        if (target == null || methodName == null) {
            return null;
        }
        try {
            return introspector.getMethod(target.getClass(), methodName, args);
        } catch (RuntimeException e) {
            return null; // ambiguous: velocity-htmlsafe gives such a call no annotations either
        }
    }

    private record UnboxingMethod(VelMethod method, boolean safe) implements VelMethod {
        @Override
        public Object invoke(Object o, Object[] params) throws Exception {
            Object result = method.invoke(HtmlSafeValue.unbox(o), HtmlSafeValue.unboxAll(params));
            return safe ? HtmlSafeValue.box(result) : result;
        }

        @Override
        public boolean isCacheable() {
            return method.isCacheable();
        }

        @Override
        public String getMethodName() {
            return method.getMethodName();
        }

        @Override
        @SuppressWarnings("rawtypes")
        public Class getReturnType() {
            return method.getReturnType();
        }
    }

    private record UnboxingGet(VelPropertyGet getter, boolean safe) implements VelPropertyGet {
        @Override
        public Object invoke(Object o) throws Exception {
            Object result = getter.invoke(HtmlSafeValue.unbox(o));
            return safe ? HtmlSafeValue.box(result) : result;
        }

        @Override
        public boolean isCacheable() {
            return getter.isCacheable();
        }

        @Override
        public String getMethodName() {
            return getter.getMethodName();
        }
    }

    private record UnboxingSet(VelPropertySet setter) implements VelPropertySet {
        @Override
        public Object invoke(Object o, Object arg) throws Exception {
            return setter.invoke(HtmlSafeValue.unbox(o), HtmlSafeValue.unbox(arg));
        }

        @Override
        public boolean isCacheable() {
            return setter.isCacheable();
        }

        @Override
        public String getMethodName() {
            return setter.getMethodName();
        }
    }
}
