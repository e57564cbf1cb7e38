package io.hrmtrainer.core.dataset;

import io.hrmtrainer.core.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps built manifests in a cache directory, so that a large dataset is scanned once and not on
 * every run.
 *
 * <p>A cached manifest is reused while the dataset file keeps the size and last-modified time it
 * had when the manifest was built, and while the format, text fields, block size and chunk size
 * match. Otherwise the manifest is built again and replaces the cached one. Cache files are named
 * after the {@link DatasetKey} and written atomically. A cache file that cannot be parsed is
 * rebuilt, because the cache contains derived data only.
 *
 * <p>The directory is, in order of precedence:
 *
 * <ol>
 *   <li>the constructor argument,
 *   <li>{@code <hrm.cache.dir>/manifests} when the system property {@value #CACHE_DIR_PROPERTY} is
 *       set,
 *   <li>{@code $XDG_CACHE_HOME/hrm-trainer/manifests} when that variable is an absolute path,
 *   <li>{@code ~/.cache/hrm-trainer/manifests} otherwise.
 * </ol>
 *
 * <p>Thread-safe. Two processes building the same manifest at once both succeed, and the last
 * write wins with identical content.
 */
public final class ManifestCache {

  /** The system property that names the hrm-trainer cache root (manifests live below it). */
  public static final String CACHE_DIR_PROPERTY = "hrm.cache.dir";

  private static final Logger LOG = LoggerFactory.getLogger(ManifestCache.class);

  private final Path directory;

  /**
   * A manifest and where it came from.
   *
   * @param manifest The manifest, current for the dataset file.
   * @param fromCache Whether it was read from the cache rather than built now.
   */
  public record LoadedManifest(DatasetManifest manifest, boolean fromCache) {

    /** Creates the pair; the manifest must not be null. */
    public LoadedManifest {
      Objects.requireNonNull(manifest, "manifest");
    }
  }

  /** Creates a cache in the default directory ({@link #defaultDirectory()}). */
  public ManifestCache() {
    this(defaultDirectory());
  }

  /** Creates a cache in {@code directory}, which is created on the first write. */
  public ManifestCache(Path directory) {
    this.directory = directory.toAbsolutePath().normalize();
  }

  /** Returns the directory named by the system property, the XDG variable or the home folder. */
  public static Path defaultDirectory() {
    String property = System.getProperty(CACHE_DIR_PROPERTY);
    if (property != null && !property.isBlank()) {
      return Path.of(property).resolve("manifests");
    }
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path root =
        xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()
            ? Path.of(xdg)
            : Path.of(System.getProperty("user.home"), ".cache");
    return root.resolve("hrm-trainer").resolve("manifests");
  }

  /** Returns the cache directory. */
  public Path directory() {
    return directory;
  }

  /** Returns the file that contains, or would contain, the manifest for these settings. */
  public Path cacheFile(DatasetSource source, int samplesPerBlock, int chunkSize) {
    return directory.resolve(DatasetKey.of(source, samplesPerBlock, chunkSize) + ".json");
  }

  /**
   * Returns the cached manifest when it is current, or builds, caches and returns a new one.
   *
   * @param source The file and how to read it.
   * @param samplesPerBlock The number of samples per block, at least 1.
   * @param chunkSize The number of samples per chunk, at least 1.
   * @param progress Receives the bytes read when a build is needed.
   * @throws InvalidInputException for the input problems listed at {@link
   *     ManifestBuilder#build(DatasetSource, int, int, BuildProgress)}.
   * @throws IOException if the dataset cannot be read.
   */
  public LoadedManifest loadOrBuild(
      DatasetSource source, int samplesPerBlock, int chunkSize, BuildProgress progress)
      throws IOException {

    UniformLayout.checkSizes(samplesPerBlock, chunkSize);
    FileStamp stamp = FileStamp.of(source.file());
    Path cacheFile = cacheFile(source, samplesPerBlock, chunkSize);

    Optional<DatasetManifest> cached = readCached(cacheFile);
    if (cached.isPresent() && matches(cached.get(), source, samplesPerBlock, chunkSize, stamp)) {
      return new LoadedManifest(cached.get(), true);
    }
    DatasetManifest built = ManifestBuilder.build(source, samplesPerBlock, chunkSize, progress);
    store(built, cacheFile);
    return new LoadedManifest(built, false);
  }

  private static boolean matches(
      DatasetManifest manifest,
      DatasetSource source,
      int samplesPerBlock,
      int chunkSize,
      FileStamp stamp) {

    return manifest.source().equals(source)
        && manifest.samplesPerBlock() == samplesPerBlock
        && manifest.chunkSize() == chunkSize
        && manifest.fileStamp().equals(stamp);
  }

  private static Optional<DatasetManifest> readCached(Path cacheFile) throws IOException {
    try {
      return Optional.of(DatasetManifest.readFrom(cacheFile));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (InvalidInputException e) {
      // The cache contains derived data, so a damaged entry is rebuilt rather than reported.
      LOG.warn("Rebuilding the dataset manifest: the cached copy is unusable ({})", e.getMessage());
      return Optional.empty();
    }
  }

  private static void store(DatasetManifest manifest, Path cacheFile) {
    try {
      Files.createDirectories(cacheFile.getParent());
      manifest.writeTo(cacheFile);
    } catch (IOException e) {
      // The manifest is still valid; only the next run pays for the scan again.
      LOG.warn("Could not cache the dataset manifest in {}: {}", cacheFile, e.toString());
    }
  }
}
