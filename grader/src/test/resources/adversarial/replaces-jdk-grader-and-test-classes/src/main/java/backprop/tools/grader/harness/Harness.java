package backprop.tools.grader.harness;

public final class Harness {
    public static void main(String[] args) {
        System.out.println("DONE");
    }
}
