package io.hrmtrainer.core.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import io.hrmtrainer.core.position.ChunkPosition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestCacheTest {

  @TempDir Path dir;

  private ManifestCache cache() {
    return new ManifestCache(dir.resolve("cache"));
  }

  private DatasetSource dataset(int lines) throws IOException {
    return DatasetSource.text(DatasetFiles.numberedLines(dir.resolve("data.txt"), lines));
  }

  @Test
  void reusesCachedManifest() throws IOException {
    DatasetSource source = dataset(100);
    ManifestCache cache = cache();

    ManifestCache.LoadedManifest first = cache.loadOrBuild(source, 30, 10, BuildProgress.NONE);
    ManifestCache.LoadedManifest second = cache.loadOrBuild(source, 30, 10, BuildProgress.NONE);

    assertThat(first.fromCache()).isFalse();
    assertThat(second.fromCache()).isTrue();
    assertThat(second.manifest()).isEqualTo(first.manifest());
    assertThat(cache.cacheFile(source, 30, 10)).isRegularFile();
  }

  @Test
  void rebuildsAfterTheFileChanges() throws IOException {
    DatasetSource source = dataset(100);
    ManifestCache cache = cache();
    cache.loadOrBuild(source, 30, 10, BuildProgress.NONE);
    Files.writeString(source.file(), "one more\n", StandardOpenOption.APPEND);
    Files.setLastModifiedTime(source.file(), FileTime.from(Instant.now().plusSeconds(5)));

    ManifestCache.LoadedManifest reloaded = cache.loadOrBuild(source, 30, 10, BuildProgress.NONE);

    assertThat(reloaded.fromCache()).isFalse();
    assertThat(reloaded.manifest().sampleCount()).isEqualTo(101);
    assertThat(cache.loadOrBuild(source, 30, 10, BuildProgress.NONE).fromCache()).isTrue();
  }

  @Test
  void rebuildsACorruptCacheFile() throws IOException {
    DatasetSource source = dataset(100);
    ManifestCache cache = cache();
    DatasetManifest built = cache.loadOrBuild(source, 30, 10, BuildProgress.NONE).manifest();
    Path cacheFile = cache.cacheFile(source, 30, 10);
    Files.writeString(cacheFile, "{\"schema_version\": 1, \"dataset\": ");

    ManifestCache.LoadedManifest reloaded = cache.loadOrBuild(source, 30, 10, BuildProgress.NONE);

    assertThat(reloaded.fromCache()).isFalse();
    assertThat(reloaded.manifest()).isEqualTo(built);
    assertThat(DatasetManifest.readFrom(cacheFile)).isEqualTo(built);
  }

  @Test
  void keepsSeparateEntriesPerChunkSize() throws IOException {
    DatasetSource source = dataset(100);
    ManifestCache cache = cache();
    cache.loadOrBuild(source, 30, 10, BuildProgress.NONE);

    ManifestCache.LoadedManifest other = cache.loadOrBuild(source, 30, 7, BuildProgress.NONE);

    assertThat(other.fromCache()).isFalse();
    assertThat(other.manifest().chunkOffset(ChunkPosition.of(0, 1)))
        .isNotEqualTo(cache.loadOrBuild(source, 30, 10, BuildProgress.NONE)
            .manifest().chunkOffset(ChunkPosition.of(0, 1)));
    assertThat(cache.cacheFile(source, 30, 7)).isNotEqualTo(cache.cacheFile(source, 30, 10));
  }

  @Test
  void rebuildsForOtherTextFields() throws IOException {
    Path file = DatasetFiles.write(dir.resolve("d.jsonl"), "{\"a\":\"x\",\"b\":\"y\"}\n");
    ManifestCache cache = cache();
    cache.loadOrBuild(DatasetSource.jsonl(file, "a"), 10, 1, BuildProgress.NONE);

    ManifestCache.LoadedManifest other =
        cache.loadOrBuild(DatasetSource.jsonl(file, "b"), 10, 1, BuildProgress.NONE);

    assertThat(other.fromCache()).isFalse();
    assertThat(other.manifest().source().textFields()).containsExactly("b");
  }

  @Test
  void systemPropertySetsCacheRoot() {
    String old = System.getProperty(ManifestCache.CACHE_DIR_PROPERTY);
    System.setProperty(ManifestCache.CACHE_DIR_PROPERTY, dir.toString());
    try {
      assertThat(new ManifestCache().directory()).isEqualTo(dir.resolve("manifests"));
    } finally {
      if (old == null) {
        System.clearProperty(ManifestCache.CACHE_DIR_PROPERTY);
      } else {
        System.setProperty(ManifestCache.CACHE_DIR_PROPERTY, old);
      }
    }
  }
}
