namespace Banenmonitor.Data;

internal static class AssemblyMarker;
