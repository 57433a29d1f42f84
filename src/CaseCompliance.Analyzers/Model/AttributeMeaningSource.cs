using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace CaseCompliance.Analyzers.Model
{
    /// <summary>Reads meanings from the CaseCompliance attributes, in source and in referenced assemblies' metadata.</summary>
    internal sealed class AttributeMeaningSource : IMeaningSource
    {
        private readonly KnownSymbols known;
        private readonly (INamedTypeSymbol? Type, Role Role)[] roleAttributes;

        public AttributeMeaningSource(KnownSymbols known)
        {
            this.known = known;
            roleAttributes = new[]
            {
                (known.PersonLookup, Role.PersonLookup), (known.LookupAudit, Role.LookupAudit), (known.Subject, Role.Subject),
                (known.Attestation, Role.Attestation), (known.Attester, Role.Attester), (known.PreparedBy, Role.PreparedBy),
                (known.SecondPartyCheck, Role.SecondPartyCheck), (known.Disbursement, Role.Disbursement),
                (known.AttestationStatus, Role.AttestationStatus), (known.CaseDecision, Role.CaseDecision),
                (known.ConflictOfInterestCheck, Role.ConflictOfInterestCheck), (known.DecisionLogic, Role.DecisionLogic),
                (known.DecisionRecord, Role.DecisionRecord), (known.Reasoning, Role.Reasoning), (known.Redactor, Role.Redactor),
                (known.DisclosureSink, Role.DisclosureSink),
            };
        }

        public void AddDeclared(ISymbol symbol, MeaningBuilder builder)
        {
            AddFrom(symbol.GetAttributes(), symbol, builder);
            if (symbol is IMethodSymbol method)
            {
                // [return: PersonalData] means the value the method returns is personal data.
                AddFrom(method.GetReturnTypeAttributes(), symbol, builder);
            }
        }

        private void AddFrom(ImmutableArray<AttributeData> attributes, ISymbol symbol, MeaningBuilder builder)
        {
            foreach (var attribute in attributes)
            {
                var type = attribute.AttributeClass;
                if (type is null || type.TypeKind == TypeKind.Error)
                {
                    continue;
                }

                if (Is(type, known.PersonalData))
                {
                    var info = new PersonalDataInfo(FirstString(attribute) ?? "personal", NamedStrings(attribute, "Purposes"));
                    if (symbol is INamedTypeSymbol)
                    {
                        builder.MemberPersonalData = info;
                    }
                    else
                    {
                        builder.PersonalData = info;
                    }
                }
                else if (known.DataClassification is not null && DerivesFrom(type, known.DataClassification))
                {
                    // Microsoft.Extensions.Compliance classifications ([PrivateData], [PiiData] ...) are personal data too.
                    var info = new PersonalDataInfo(ClassificationName(type), ImmutableArray<string>.Empty);
                    if (symbol is INamedTypeSymbol)
                    {
                        builder.MemberPersonalData ??= info;
                    }
                    else
                    {
                        builder.PersonalData ??= info;
                    }
                }
                else if (Is(type, known.ProcessingPurpose))
                {
                    builder.ProcessingPurposes = AllStrings(attribute);
                }
                else if (Is(type, known.ProtectedCharacteristic))
                {
                    var ground = FirstString(attribute) ?? "unknown";
                    var purposes = builder.PersonalData?.Purposes ?? ImmutableArray<string>.Empty;
                    builder.PersonalData = new PersonalDataInfo(builder.PersonalData?.Category ?? "protected-characteristic", purposes, ground);
                }
                else if (Is(type, known.LegalBasis))
                {
                    builder.AddLegalBasis(new LegalBasisInfo(FirstString(attribute) ?? string.Empty, AllStrings(attribute, skip: 1)));
                }
                else
                {
                    foreach (var (roleType, role) in roleAttributes)
                    {
                        if (Is(type, roleType))
                        {
                            builder.Roles |= role;
                            break;
                        }
                    }
                }
            }
        }

        private static bool DerivesFrom(INamedTypeSymbol type, INamedTypeSymbol baseType)
        {
            for (var t = type.BaseType; t is not null; t = t.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(t, baseType))
                {
                    return true;
                }
            }

            return false;
        }

        private static string ClassificationName(INamedTypeSymbol type)
        {
            var name = type.Name.EndsWith("Attribute", System.StringComparison.Ordinal) ? type.Name.Substring(0, type.Name.Length - "Attribute".Length) : type.Name;
            return "classified:" + name;
        }

        private static bool Is(INamedTypeSymbol type, INamedTypeSymbol? known)
            => known is not null && SymbolEqualityComparer.Default.Equals(type, known);

        // Attribute arguments can be missing or of the wrong type in broken code: read defensively.
        private static string? FirstString(AttributeData attribute)
        {
            var args = attribute.ConstructorArguments;
            return args.Length > 0 && args[0].Kind == TypedConstantKind.Primitive ? args[0].Value as string : null;
        }

        private static ImmutableArray<string> AllStrings(AttributeData attribute, int skip = 0)
        {
            var builder = ImmutableArray.CreateBuilder<string>();
            var args = attribute.ConstructorArguments;
            for (var i = skip; i < args.Length; i++)
            {
                AddStrings(args[i], builder);
            }

            return builder.ToImmutable();
        }

        private static ImmutableArray<string> NamedStrings(AttributeData attribute, string name)
        {
            var builder = ImmutableArray.CreateBuilder<string>();
            foreach (var pair in attribute.NamedArguments)
            {
                if (pair.Key == name)
                {
                    AddStrings(pair.Value, builder);
                }
            }

            return builder.ToImmutable();
        }

        private static void AddStrings(TypedConstant constant, ImmutableArray<string>.Builder builder)
        {
            if (constant.Kind == TypedConstantKind.Array && !constant.IsNull)
            {
                foreach (var item in constant.Values)
                {
                    AddStrings(item, builder);
                }
            }
            else if (constant.Kind == TypedConstantKind.Primitive && constant.Value is string s)
            {
                builder.Add(s);
            }
        }
    }
}
