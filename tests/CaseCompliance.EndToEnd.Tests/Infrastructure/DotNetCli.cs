using System.Diagnostics;
using System.Text;

namespace CaseCompliance.EndToEnd.Tests.Infrastructure;

/// <summary>What a finished <c>dotnet</c> command did, with everything it printed for assertion messages.</summary>
public sealed record CommandResult(string CommandLine, string WorkingDirectory, int ExitCode, bool TimedOut, TimeSpan Duration, string StandardOutput, string StandardError)
{
    public string Output => StandardOutput + StandardError;

    public string Describe()
    {
        var status = TimedOut ? "timed out" : $"exit code {ExitCode}";
        return $"""
            $ {CommandLine}
              (in {WorkingDirectory}; {status} after {Duration.TotalSeconds:F1} s)
            ----- stdout -----
            {StandardOutput}
            ----- stderr -----
            {StandardError}
            ------------------
            """;
    }
}

/// <summary>Runs the <c>dotnet</c> CLI as a child process, the way a developer or CI does.</summary>
internal static class DotNetCli
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(10);

    /// <summary>How long to wait for the last output after the process exits (a lingering build server may hold the pipe).</summary>
    private static readonly TimeSpan OutputDrainTimeout = TimeSpan.FromSeconds(15);

    public static async Task<CommandResult> RunAsync(
        string workingDirectory,
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string>? environment = null,
        TimeSpan? timeout = null)
    {
        var startInfo = new ProcessStartInfo(DotNetHost())
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardInput = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        // `dotnet test` runs us with MSBuild's own variables set; a nested build must not inherit them.
        foreach (var key in startInfo.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            startInfo.Environment.Remove(key);
        }

        startInfo.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        startInfo.Environment["DOTNET_NOLOGO"] = "1";
        startInfo.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        startInfo.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        startInfo.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        startInfo.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        if (environment is not null)
        {
            foreach (var (key, value) in environment)
            {
                startInfo.Environment[key] = value;
            }
        }

        var commandLine = "dotnet " + string.Join(" ", startInfo.ArgumentList.Select(Quote));
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        var stdoutClosed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var stderrClosed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var exited = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        using var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Append(stdout, e.Data, stdoutClosed);
        process.ErrorDataReceived += (_, e) => Append(stderr, e.Data, stderrClosed);
        process.Exited += (_, _) => exited.TrySetResult();

        var stopwatch = Stopwatch.StartNew();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        // Wait for the process itself, not for its pipes: build servers it started may keep them open.
        var timedOut = await Task.WhenAny(exited.Task, Task.Delay(timeout ?? DefaultTimeout)) != exited.Task;
        if (timedOut)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It exited in the meantime.
            }
        }

        await Task.WhenAny(Task.WhenAll(stdoutClosed.Task, stderrClosed.Task), Task.Delay(OutputDrainTimeout));
        stopwatch.Stop();
        var exitCode = timedOut ? -1 : process.ExitCode;

        string Snapshot(StringBuilder builder)
        {
            lock (builder)
            {
                return builder.ToString();
            }
        }

        return new CommandResult(commandLine, workingDirectory, exitCode, timedOut, stopwatch.Elapsed, Snapshot(stdout), Snapshot(stderr));
    }

    private static void Append(StringBuilder builder, string? line, TaskCompletionSource closed)
    {
        if (line is null)
        {
            closed.TrySetResult();
            return;
        }

        lock (builder)
        {
            builder.AppendLine(line);
        }
    }

    /// <summary>The dotnet host that runs these tests, when the CLI says which; else the one on PATH.</summary>
    private static string DotNetHost()
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        return !string.IsNullOrEmpty(host) && File.Exists(host) ? host : "dotnet";
    }

    private static string Quote(string argument) =>
        argument.Length > 0 && !argument.Any(c => char.IsWhiteSpace(c) || c == '"') ? argument : "\"" + argument.Replace("\"", "\\\"") + "\"";
}
