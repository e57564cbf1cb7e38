package io.hrmtrainer.diagnostics.evidence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The files of a directory tree with their SHA-256 digests, to show that a run left a brain
 * untouched.
 *
 * <p>A missing directory is an empty snapshot that remembers it was missing. Immutable.
 */
public final class BrainSnapshot {

  private final Path root;
  private final boolean exists;
  private final Map<String, String> digests;

  private BrainSnapshot(Path root, boolean exists, Map<String, String> digests) {
    this.root = root;
    this.exists = exists;
    this.digests = digests;
  }

  /**
   * Takes a snapshot of {@code root}.
   *
   * @throws IOException if a file cannot be read.
   */
  public static BrainSnapshot of(Path root) throws IOException {
    if (!Files.exists(root)) {
      return new BrainSnapshot(root, false, Map.of());
    }
    Map<String, String> digests = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.filter(path -> !path.equals(root)).sorted().toList()) {
        String name = root.relativize(path).toString();
        digests.put(name + (Files.isDirectory(path) ? "/" : ""), digest(path));
      }
    }
    return new BrainSnapshot(root, true, Map.copyOf(digests));
  }

  /** Returns whether the directory existed. */
  public boolean exists() {
    return exists;
  }

  /** Returns the number of files and directories in the snapshot. */
  public int size() {
    return digests.size();
  }

  /**
   * Lists what changed from {@code before} to this snapshot: {@code added x}, {@code removed x},
   * {@code changed x}, or that the directory appeared or vanished, in name order with removals
   * last. Empty when nothing changed.
   */
  public List<String> changesSince(BrainSnapshot before) {
    List<String> changes = new ArrayList<>();
    if (before.exists != exists) {
      changes.add(String.format("%s %s", exists ? "created" : "deleted", root));
    }
    for (Map.Entry<String, String> entry : new TreeMap<>(digests).entrySet()) {
      String old = before.digests.get(entry.getKey());
      if (old == null) {
        changes.add("added " + entry.getKey());
      } else if (!old.equals(entry.getValue())) {
        changes.add("changed " + entry.getKey());
      }
    }
    for (String name : new TreeMap<>(before.digests).keySet()) {
      if (!digests.containsKey(name)) {
        changes.add("removed " + name);
      }
    }
    return List.copyOf(changes);
  }

  private static String digest(Path path) throws IOException {
    if (Files.isDirectory(path)) {
      return "";
    }
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(Files.readAllBytes(path)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime provides SHA-256", e);
    }
  }
}
