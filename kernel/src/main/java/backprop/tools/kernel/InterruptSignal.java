package backprop.tools.kernel;

import java.lang.reflect.Proxy;

/**
 * Turns SIGINT into a cell interrupt instead of the JVM's exit: a Ctrl-C in the terminal that
 * runs Jupyter reaches the kernel too, and front ends configured for signal interrupts send it.
 * (The installed kernelspec asks for interrupt messages, which need no signal.) Uses
 * {@code sun.misc.Signal} of module jdk.unsupported through reflection, so the build stays free
 * of internal-API warnings; where it is missing, interrupt messages still work.
 */
final class InterruptSignal {

    private InterruptSignal() {
    }

    static void forward(Runnable onInterrupt) {
        try {
            Class<?> signalClass = Class.forName("sun.misc.Signal");
            Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
            Object handler = Proxy.newProxyInstance(InterruptSignal.class.getClassLoader(),
                    new Class<?>[] {handlerClass}, (proxy, method, args) -> {
                        if (method.getName().equals("handle")) {
                            onInterrupt.run();
                        }
                        return null;
                    });
            Object sigint = signalClass.getConstructor(String.class).newInstance("INT");
            signalClass.getMethod("handle", signalClass, handlerClass).invoke(null, sigint, handler);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // no SIGINT handling on this platform or JDK
        }
    }
}
