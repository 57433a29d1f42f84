namespace Vendor.Logging;

/// <summary>The vendor's logger: whatever it is given ends up in a log file the whole operations team reads.</summary>
public sealed class LogWrapper
{
    private readonly List<string> lines = [];

    public int Count => lines.Count;

    public void Info(string message) => lines.Add("INFO " + message);

    public void Error(string message, Exception? exception = null) => lines.Add("ERROR " + message + " " + exception?.GetType().Name);

    public void Flush() => lines.Clear();
}
