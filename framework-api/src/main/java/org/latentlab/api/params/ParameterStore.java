package org.latentlab.api.params;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.latentlab.api.tensor.HostTensor;

/**
 * Named parameters and state of one model, with their initial values on the host. Names are paths
 * such as {@code encoder/conv1/weight}. Each entry is initialised from a generator seeded by the
 * store's seed and the entry's name, so values do not depend on declaration order or on the backend.
 * A backend session materialises the store and reads back from it when a checkpoint is written.
 */
public final class ParameterStore {
  private final long seed;
  private final Map<String, Entry> entries = new LinkedHashMap<>();

  /** One named tensor of the store. */
  public record Entry(String name, ParameterKind kind, int[] shape, HostTensor initialValue) {}

  /** An empty store whose initialisers draw from {@code seed}. */
  public ParameterStore(long seed) {
    this.seed = seed;
  }

  /** The seed initial values are drawn from. */
  public long seed() {
    return seed;
  }

  /**
   * Declares an entry; returns its name. Fails if the name is taken.
   *
   * @param fanIn  see {@link Initializer#initialize}
   * @param fanOut see {@link Initializer#initialize}
   */
  public synchronized String declare(
      String name, ParameterKind kind, int[] shape, Initializer init, int fanIn, int fanOut) {
    if (entries.containsKey(name)) {
      throw new IllegalArgumentException("parameter '" + name + "' is declared twice");
    }
    SplittableRandom random = new SplittableRandom(seed ^ mix(name));
    float[] values = init.initialize(shape.clone(), fanIn, fanOut, random);
    entries.put(name, new Entry(name, kind, shape.clone(), new HostTensor(values, shape.clone())));
    return name;
  }

  /** Declares a trainable parameter. */
  public String trainable(String name, int[] shape, Initializer init, int fanIn, int fanOut) {
    return declare(name, ParameterKind.TRAINABLE, shape, init, fanIn, fanOut);
  }

  /** Declares a non-trainable state entry holding {@code initial} everywhere. */
  public String state(String name, int[] shape, float initial) {
    return declare(name, ParameterKind.STATE, shape, Initializers.constant(initial), 1, 1);
  }

  /** Declares an optimizer slot of zeros unless one with that name exists; returns its name. */
  public synchronized String optimizerSlot(String name, int[] shape) {
    if (!entries.containsKey(name)) {
      declare(name, ParameterKind.OPTIMIZER, shape, Initializers.zeros(), 1, 1);
    }
    return name;
  }

  /** The entry called {@code name}; fails with the known names if absent. */
  public synchronized Entry get(String name) {
    Entry e = entries.get(name);
    if (e == null) {
      throw new IllegalArgumentException("no parameter '" + name + "'; known: " + entries.keySet());
    }
    return e;
  }

  /** Whether an entry called {@code name} exists. */
  public synchronized boolean contains(String name) {
    return entries.containsKey(name);
  }

  /** All entries in declaration order. */
  public synchronized List<Entry> entries() {
    return Collections.unmodifiableList(new ArrayList<>(entries.values()));
  }

  /** Names of all entries in declaration order. */
  public synchronized Set<String> names() {
    return Collections.unmodifiableSet(new java.util.LinkedHashSet<>(entries.keySet()));
  }

  /** Trainable parameters whose names the group selects, in declaration order. */
  public synchronized List<String> trainableIn(ParameterGroup group) {
    List<String> out = new ArrayList<>();
    for (Entry e : entries.values()) {
      if (e.kind() == ParameterKind.TRAINABLE && group.contains(e.name())) {
        out.add(e.name());
      }
    }
    return out;
  }

  /** Total number of trainable scalars. */
  public synchronized long trainableCount() {
    long n = 0;
    for (Entry e : entries.values()) {
      if (e.kind() == ParameterKind.TRAINABLE) {
        n += e.initialValue().size();
      }
    }
    return n;
  }

  private static long mix(String name) {
    long h = 1125899906842597L;
    for (int i = 0; i < name.length(); i++) {
      h = 31 * h + name.charAt(i);
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    return h;
  }

  /**
   * Checks that every value names an entry of this store and has its shape, failing on the first that
   * does not (naming the known entries, or both shapes); sessions call it before writing anything.
   */
  public synchronized void checkValues(Map<String, HostTensor> values) {
    values.forEach((name, v) -> {
      Entry e = entries.get(name);
      if (e == null) {
        throw new IllegalArgumentException("no entry '" + name + "' in this session; known: " + entries.keySet());
      }
      if (!java.util.Arrays.equals(e.shape(), v.shape())) {
        throw new IllegalArgumentException("entry '" + name + "' has shape " + java.util.Arrays.toString(e.shape())
            + " but the value has " + java.util.Arrays.toString(v.shape()));
      }
    });
  }
}
