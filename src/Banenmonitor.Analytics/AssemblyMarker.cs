namespace Banenmonitor.Analytics;

internal static class AssemblyMarker;
