namespace Banenmonitor.Survey;

internal static class AssemblyMarker;
