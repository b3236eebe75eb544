package io.tunebatch.train;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Which device each training partition running in this process trains on, chosen when it starts
 * from the devices this process sees (a worker its own GPUs, not the manager's): the least busy
 * of those the configuration allows, earliest listed first. Partitions running side by side,
 * at most one per device by default, so get a device each.
 */
@Component
class DeviceAssignments {

    private final Map<String, Integer> busy = new HashMap<>();

    /** Takes a device for a partition; give it back with {@link #release}. */
    synchronized String take(String configuredDevices) {
        List<String> devices = DeviceInventory.resolve(configuredDevices);
        String device = devices.stream().min(Comparator.comparingInt(d -> busy.getOrDefault(d, 0))).orElseThrow();
        busy.merge(device, 1, Integer::sum);
        return device;
    }

    synchronized void release(String device) {
        busy.computeIfPresent(device, (d, count) -> count == 1 ? null : count - 1);
    }
}
