using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace CaseCompliance.Analyzers.RulesFile
{
    /// <summary>
    /// Which additional files are rules files, and their parsed form, once per file text. The package's build files
    /// pass the nearest <c>casecompliance.json</c> (beside the project or in a folder above it) and every
    /// <c>&lt;CaseComplianceRules Include="..."/&gt;</c> item, marked with the metadata <c>CaseComplianceRules</c>;
    /// any additional file named <c>casecompliance.json</c> or <c>*.casecompliance.json</c> counts too.
    /// </summary>
    internal static class RulesFiles
    {
        public const string FileName = "casecompliance.json";

        public const string FileSuffix = ".casecompliance.json";

        /// <summary>How the compiler shows the item metadata the package's targets set (CompilerVisibleItemMetadata).</summary>
        public const string MetadataKey = "build_metadata.AdditionalFiles.CaseComplianceRules";

        private static readonly ConditionalWeakTable<SourceText, RulesDocument> Parsed = new ConditionalWeakTable<SourceText, RulesDocument>();

        public static bool IsRulesFile(AdditionalText file, AnalyzerConfigOptionsProvider? options)
        {
            var name = System.IO.Path.GetFileName(file.Path);
            if (string.Equals(name, FileName, StringComparison.OrdinalIgnoreCase) || name.EndsWith(FileSuffix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            return options is not null && options.GetOptions(file).TryGetValue(MetadataKey, out var marked)
                && string.Equals(marked, "true", StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>The project's rules files in ordinal order of their paths (the merge order), each parsed once per text.</summary>
        public static ImmutableArray<RulesDocument> Read(AnalyzerOptions options, CancellationToken cancellationToken)
        {
            List<RulesDocument>? documents = null;
            foreach (var file in options.AdditionalFiles)
            {
                if (!IsRulesFile(file, options.AnalyzerConfigOptionsProvider))
                {
                    continue;
                }

                var text = file.GetText(cancellationToken);
                if (text is null)
                {
                    continue;
                }

                (documents ??= new List<RulesDocument>()).Add(Parse(file.Path, text, cancellationToken));
            }

            if (documents is null)
            {
                return ImmutableArray<RulesDocument>.Empty;
            }

            documents.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
            var unique = ImmutableArray.CreateBuilder<RulesDocument>(documents.Count);
            foreach (var document in documents)
            {
                if (unique.Count == 0 || !string.Equals(unique[unique.Count - 1].Path, document.Path, StringComparison.Ordinal))
                {
                    unique.Add(document); // the same file passed twice is one file
                }
            }

            return unique.ToImmutable();
        }

        /// <summary>The document of one text at one path, parsed once and shared by every analyzer, compilation and fix.</summary>
        public static RulesDocument Parse(string path, SourceText text, CancellationToken cancellationToken = default)
        {
            if (Parsed.TryGetValue(text, out var cached) && string.Equals(cached.Path, path, StringComparison.Ordinal))
            {
                return cached;
            }

            var document = RulesFileReader.Read(path, text, isBuiltIn: false, cancellationToken);
            if (!Parsed.TryGetValue(text, out _))
            {
                try
                {
                    Parsed.Add(text, document);
                }
                catch (ArgumentException)
                {
                    // Another thread parsed the same text first; both documents are equal.
                }
            }

            return Parsed.TryGetValue(text, out var shared) && string.Equals(shared.Path, path, StringComparison.Ordinal) ? shared : document;
        }
    }
}
