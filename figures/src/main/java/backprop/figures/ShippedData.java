package backprop.figures;

import backprop.training.DataSet;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * The data sets of chapter 6 as the course ships them: CSV files on the class path in
 * {@code backprop/training/data/} (from {@code exercises/src/main/resources}), each checked
 * against its line in {@code SHA256SUMS} before {@link DataSet#parse(String, String, int)} reads
 * it. Kept out of the student's packages: a submission may not read files.
 */
public final class ShippedData {

    /** The folder of the shipped files on the class path. */
    static final String FOLDER = "/backprop/training/data/";

    /** The number of classes of each family of files. */
    private static final Map<String, Integer> CLASSES = Map.of("digits", 10, "iris", 3);

    private ShippedData() {
    }

    /**
     * One of the shipped data sets, its SHA-256 sum checked: {@code "digits_train"},
     * {@code "digits_test"}, {@code "iris_train"} or {@code "iris_test"}. The inputs are as in
     * the file: scale the digits by 1/16 before training.
     */
    public static DataSet load(String name) {
        if (name == null || !name.matches("(digits|iris)_(train|test)")) {
            throw new IllegalArgumentException("there is no data set " + name
                    + "; the course ships digits_train, digits_test, iris_train and iris_test");
        }
        String file = name + ".csv";
        byte[] bytes = resource(file);
        verify(file, bytes, new String(resource("SHA256SUMS"), StandardCharsets.US_ASCII));
        return DataSet.parse(file, new String(bytes, StandardCharsets.UTF_8), CLASSES.get(name.replaceAll("_.*", "")));
    }

    /** {@code load(name)} with every input multiplied by the data set's scale: 1/16 for the digits, 1/8 for Iris. */
    public static DataSet scaled(String name) {
        return load(name).scaled(name.startsWith("digits") ? 1.0 / 16 : 1.0 / 8);
    }

    /**
     * Checks {@code bytes} against the line for {@code file} in a {@code sha256sum} listing.
     *
     * @throws IllegalArgumentException if the listing has no line for the file or the sum differs
     */
    static void verify(String file, byte[] bytes, String sums) {
        String expected = null;
        for (String line : sums.split("\n")) {
            String[] parts = line.trim().split("\\s+\\*?");
            if (parts.length == 2 && parts[1].equals(file)) {
                expected = parts[0];
            }
        }
        if (expected == null) {
            throw new IllegalArgumentException("SHA256SUMS has no line for " + file);
        }
        String actual = sha256(bytes);
        if (!actual.equalsIgnoreCase(expected)) {
            throw new IllegalArgumentException(file + " is damaged: its SHA-256 is " + actual
                    + " but SHA256SUMS says " + expected);
        }
    }

    /** The SHA-256 of the bytes in hexadecimal, as {@code sha256sum} prints it. */
    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
    }

    private static byte[] resource(String file) {
        try (InputStream in = ShippedData.class.getResourceAsStream(FOLDER + file)) {
            if (in == null) {
                throw new IllegalStateException(FOLDER + file + " is not on the class path; it ships in "
                        + "exercises/src/main/resources" + FOLDER + " and comes with the compiled exercises");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + FOLDER + file, e);
        }
    }
}
