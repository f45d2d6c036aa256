namespace Banenmonitor.Reports;

internal static class AssemblyMarker;
