package dev.failforward.preview.confluence;

import com.atlassian.event.api.EventListener;
import com.atlassian.event.api.EventPublisher;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The preview Confluence's event publisher: listeners register their {@link EventListener} methods, and
 * {@link #publish} calls each method whose one parameter accepts the event, on the publishing thread (as
 * atlassian-event does for listeners not marked asynchronous). A listener's exception is printed, never passed on.
 */
public final class PreviewEventPublisher implements EventPublisher {

    private final List<Object> listeners = new CopyOnWriteArrayList<>();

    @Override
    public void register(Object listener) {
        if (!listeners.contains(listener)) {
            listeners.add(listener);
        }
    }

    @Override
    public void unregister(Object listener) {
        listeners.remove(listener);
    }

    public void publish(Object event) {
        for (Object listener : listeners) {
            for (Method method : listener.getClass().getMethods()) {
                if (method.isAnnotationPresent(EventListener.class) && method.getParameterCount() == 1
                        && method.getParameterTypes()[0].isInstance(event)) {
                    try {
                        method.invoke(listener, event);
                    } catch (IllegalAccessException | InvocationTargetException e) {
                        System.err.println("The preview's event listener " + method + " failed: " + e);
                    }
                }
            }
        }
    }
}
