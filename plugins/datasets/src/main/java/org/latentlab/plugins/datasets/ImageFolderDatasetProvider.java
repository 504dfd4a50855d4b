package org.latentlab.plugins.datasets;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.latentlab.api.data.DataSource;
import org.latentlab.api.data.Dataset;
import org.latentlab.api.data.ImageSet;
import org.latentlab.api.spi.DatasetProvider;

/**
 * A data set of PNG and JPEG images the user brings, laid out as {@code <split>/<class>/<image>} (see
 * {@link ImageFolder}): the label of an image is its sub-folder, classes are the training split's
 * sub-folders sorted by name. Every image is decoded and resized to {@code size x size} with
 * {@code channels} channels (see {@link ImageDecoder}); an unreadable image fails the whole load,
 * naming the file.
 */
public final class ImageFolderDatasetProvider implements DatasetProvider<ImageFolderParameters> {

  @Override
  public String id() {
    return "image-folder";
  }

  @Override
  public String description() {
    return "PNG and JPEG images in one sub-folder per class, resized to a square, grayscale or RGB";
  }

  @Override
  public Class<ImageFolderParameters> parametersType() {
    return ImageFolderParameters.class;
  }

  @Override
  public Dataset load(ImageFolderParameters parameters) throws IOException {
    Validation.requireValid(id(), parameters);
    ImageFolder train = ImageFolder.scan(parameters.train());
    ImageFolder test = ImageFolder.scan(parameters.test());
    List<String> classes = train.classes();
    List<DataSource> sources = new ArrayList<>();
    ImageSet trainImages = read(train, classes, parameters, sources);
    ImageSet testImages = read(test, classes, parameters, sources);
    return new Dataset(parameters.name(), trainImages, testImages, classes, sources);
  }

  /**
   * Decodes every image of {@code folder} and adds its source to {@code sources}: the folder, with the
   * SHA-256 over each image's path relative to it ('/'-separated, the same on every platform), a zero
   * byte, its length (8 bytes) and its bytes, in order, and the total size of the images.
   */
  private static ImageSet read(ImageFolder folder, List<String> classes, ImageFolderParameters parameters,
      List<DataSource> sources) throws IOException {
    int[] labels = folder.labelsIn(classes);
    int per = parameters.channels() * parameters.size() * parameters.size();
    float[] pixels = new float[labels.length * per];
    MessageDigest digest = sha256();
    long bytes = 0;
    for (int i = 0; i < labels.length; i++) {
      Path file = folder.files().get(i);
      byte[] stored = IdxReader.readStored(file, "a PNG or JPEG image");
      digest.update(relativeName(folder.root(), file).getBytes(StandardCharsets.UTF_8));
      digest.update(ByteBuffer.allocate(1 + Long.BYTES).put((byte) 0).putLong(stored.length).array());
      digest.update(stored);
      bytes += stored.length;
      ImageDecoder.read(file, stored, parameters.size(), parameters.channels(), pixels, i * per);
    }
    sources.add(new DataSource(folder.root().toString(), HexFormat.of().formatHex(digest.digest()), bytes));
    return new ImageSet(pixels, labels, parameters.channels(), parameters.size(), parameters.size());
  }

  private static String relativeName(Path root, Path file) {
    List<String> names = new ArrayList<>();
    root.relativize(file).forEach(name -> names.add(name.toString()));
    return String.join("/", names);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform provides SHA-256", e);
    }
  }
}
