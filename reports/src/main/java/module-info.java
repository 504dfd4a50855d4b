/**
 * LatentLab reports: turns a run folder into one self-contained HTML report, with loss curves drawn by
 * JFreeChart and image grids written as PNG.
 */
module org.latentlab.reports {
  requires transitive org.latentlab.api;
  requires com.fasterxml.jackson.databind;
  requires org.jfree.jfreechart;
  requires java.desktop;

  exports org.latentlab.reports;
}
