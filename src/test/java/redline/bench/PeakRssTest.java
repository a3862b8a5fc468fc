package redline.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The bench reads a process's peak resident memory from the kernel's status text. */
class PeakRssTest {
  @Test
  void theHighWaterMarkIsReadInKilobytes() {
    String status = "Name:\tjava\nVmPeak:\t 3000000 kB\nVmHWM:\t  123456 kB\nVmRSS:\t  100000 kB\n";
    assertEquals(123456, Bench.vmHwmKb(status));
    assertEquals(0, Bench.vmHwmKb("Name:\tjava\nState:\tZ (zombie)\n"));
  }
}
