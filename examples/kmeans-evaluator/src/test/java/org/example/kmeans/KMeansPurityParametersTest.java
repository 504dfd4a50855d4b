package org.example.kmeans;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.latentlab.api.spi.Problems;

class KMeansPurityParametersTest {

  @Test
  void absentFieldsGetTheirDefaults() {
    KMeansPurityParameters p = new KMeansPurityParameters();
    assertThat(p.k()).isNull();
    assertThat(p.iterations()).isEqualTo(50);
    assertThat(p.restarts()).isEqualTo(3);
    assertThat(p.batchSize()).isEqualTo(512);
    Problems problems = new Problems();
    p.validate(problems);
    assertThat(problems.isEmpty()).isTrue();
  }

  @Test
  void invalidValuesAreReportedTogetherNamingFieldValueAndRule() {
    Problems problems = new Problems();
    new KMeansPurityParameters(1, 0, -2, 0).validate(problems);
    assertThat(problems.all()).extracting(Problems.Problem::message).containsExactly(
        "k must be >= 2, or absent for the number of classes (was 1)",
        "iterations must be > 0 (was 0)",
        "restarts must be > 0 (was -2)",
        "batchSize must be > 0 (was 0)");
  }
}
