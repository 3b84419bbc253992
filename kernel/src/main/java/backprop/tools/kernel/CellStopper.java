package backprop.tools.kernel;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Stops a running cell when its time is up or when someone interrupts it. Stopping is
 * {@code JShell.stop()}, which with local execution on JDK 17 stops the thread running the cell
 * even in {@code while (true) {}}. It is repeated every 200 ms until the cell ends, in case user
 * code catches the first stop.
 */
final class CellStopper implements AutoCloseable {

    enum Reason { TIMEOUT, INTERRUPT }

    private static final long REPEAT_MILLIS = 200;

    private final Runnable stopAction;
    private final ScheduledExecutorService scheduler;
    private boolean running;
    private volatile Reason reason;
    private ScheduledFuture<?> timeoutTask;
    private ScheduledFuture<?> stopTask;

    CellStopper(Runnable stopAction) {
        this.stopAction = stopAction;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "cell-stopper");
            thread.setDaemon(true);
            return thread;
        });
    }

    synchronized void cellStarted(long timeoutMillis) {
        running = true;
        reason = null;
        if (timeoutMillis > 0) {
            timeoutTask = scheduler.schedule(() -> trigger(Reason.TIMEOUT), timeoutMillis, TimeUnit.MILLISECONDS);
        }
    }

    synchronized void cellFinished() {
        running = false;
        cancel(timeoutTask);
        cancel(stopTask);
        timeoutTask = null;
        stopTask = null;
    }

    /** Stops the running cell, if there is one. Safe to call from any thread. */
    void interrupt() {
        trigger(Reason.INTERRUPT);
    }

    /** Why the current cell was stopped, or null if it was not. */
    Reason reason() {
        return reason;
    }

    private synchronized void trigger(Reason why) {
        if (!running || reason != null) {
            return;
        }
        reason = why;
        stopTask = scheduler.scheduleWithFixedDelay(this::stopQuietly, 0, REPEAT_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void stopQuietly() {
        try {
            stopAction.run();
        } catch (RuntimeException e) {
            // the cell may have ended in between; nothing left to stop
        }
    }

    private static void cancel(ScheduledFuture<?> task) {
        if (task != null) {
            task.cancel(false);
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
