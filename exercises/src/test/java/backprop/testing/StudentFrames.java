package backprop.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * The lines of a stack trace a student can act on: the line that threw, and every frame of the
 * course's own code ({@code backprop.*}: the student's classes and the tests). The frames of
 * JUnit, AssertJ and reflection are left out; no frame of the course ever is.
 */
public final class StudentFrames {

    /** Set {@code -Dbackprop.fullStackTrace=true} to see every frame. */
    public static final String FULL_PROPERTY = "backprop.fullStackTrace";

    private static final String COURSE_PREFIX = "backprop.";

    private StudentFrames() {
    }

    /**
     * The frame that threw and every course frame, in order; the whole trace when it holds no
     * course frame at all (then there is nothing better to point at), or when
     * {@value #FULL_PROPERTY} is set.
     */
    public static List<StackTraceElement> of(Throwable error) {
        StackTraceElement[] frames = error.getStackTrace();
        List<StackTraceElement> kept = new ArrayList<>();
        boolean course = false;
        for (int i = 0; i < frames.length; i++) {
            boolean ours = frames[i].getClassName().startsWith(COURSE_PREFIX);
            course |= ours;
            if (i == 0 || ours) {
                kept.add(frames[i]);
            }
        }
        return course && !Boolean.getBoolean(FULL_PROPERTY) ? kept : List.of(frames);
    }
}
