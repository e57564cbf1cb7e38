package io.hrmtrainer.core.dataset;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A name for one dataset file cut with one block size and one chunk size, safe as a directory
 * name: {@code datasets/<dataset-key>/} in a brain and the file name of a cached manifest.
 *
 * <p>The key reads as a slug of the file name, the two sizes and a short hash of the normalised
 * absolute path and the sizes, for example {@code tinyshakespeare-txt-b10000-c1000-3f9a0c12d4}.
 * Two files with the same name in different directories get different keys. The key does not
 * depend on the file content; the manifest's fingerprint covers that. Instances are immutable.
 *
 * @param value The key text: lower-case letters, digits, dots, underscores and hyphens, starting
 *     with a letter or digit.
 */
public record DatasetKey(String value) {

  private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,127}");
  private static final int SLUG_MAX_CHARS = 48;
  private static final int HASH_HEX_CHARS = 10;

  /**
   * Creates a key from its text, for example one read back from a directory name.
   *
   * @throws IllegalArgumentException if the text is not a valid key.
   */
  public DatasetKey {
    Objects.requireNonNull(value, "value");
    if (!VALID.matcher(value).matches()) {
      throw new IllegalArgumentException(
          String.format(
              "dataset key \"%s\" is invalid: expected 1-128 characters of a-z, 0-9, '.', '_'"
                  + " and '-', starting with a letter or digit",
              value));
    }
  }

  /** Returns the key of {@code file} cut into blocks of {@code samplesPerBlock} and chunks. */
  public static DatasetKey of(Path file, int samplesPerBlock, int chunkSize) {
    Path normalised = file.toAbsolutePath().normalize();
    String identity = normalised + "\n" + samplesPerBlock + "\n" + chunkSize;
    String slug = slugOf(normalised.getFileName());
    return new DatasetKey(
        String.format(
            "%s-b%d-c%d-%s", slug, samplesPerBlock, chunkSize, shortHash(identity)));
  }

  /** Returns the key of a source's file. */
  public static DatasetKey of(DatasetSource source, int samplesPerBlock, int chunkSize) {
    return of(source.file(), samplesPerBlock, chunkSize);
  }

  /** Returns the key text. */
  @Override
  public String toString() {
    return value;
  }

  private static String slugOf(Path fileName) {
    String name = fileName == null ? "" : fileName.toString().toLowerCase(Locale.ROOT);
    String slug = name.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (slug.length() > SLUG_MAX_CHARS) {
      slug = slug.substring(0, SLUG_MAX_CHARS).replaceAll("-+$", "");
    }
    return slug.isEmpty() ? "dataset" : slug;
  }

  private static String shortHash(String identity) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, HASH_HEX_CHARS);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }
}
