namespace ReportDsl.Validation;

/// <summary>Where each cell's value is in the report's JSON, kept as byte offsets and turned into lines and columns only when asked.</summary>
internal sealed class CellLocator(string path, ReportDataReader.LineMap lines, long[] offsets)
{
    public FindingLocation? Locate(int cell) => offsets[cell] < 0 ? null : lines.Locate(path, offsets[cell]);
}
