using System.Runtime.CompilerServices;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;
using SyntheticData.Evaluation.Internal;
using SyntheticData.Tabular;

namespace SyntheticData.Evaluation;

/// <summary>
/// Machine-learning efficacy: trains a model (ML.NET) on synthetic rows and the same model on real rows, tests both
/// on real holdout rows that neither saw, and reports F1 (classification) or R² (regression) side by side. Binary
/// and regression targets use FastTree; multiclass targets use L-BFGS maximum entropy.
/// </summary>
public static class MachineLearningEfficacy
{
    /// <summary>Trains and tests both models for <paramref name="targetColumn"/>, using every other modelable column as a feature.</summary>
    /// <exception cref="EvaluationException">
    /// The target is not a modelable column, a table has too few labelled rows, or the process is a native build.
    /// </exception>
    public static MachineLearningEfficacyResult Compute(
        Table realTraining,
        Table synthetic,
        Table holdout,
        EvaluationMetadata metadata,
        string targetColumn,
        MachineLearningEfficacyOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(realTraining);
        ArgumentNullException.ThrowIfNull(synthetic);
        ArgumentNullException.ThrowIfNull(holdout);
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentException.ThrowIfNullOrEmpty(targetColumn);
        options ??= MachineLearningEfficacyOptions.Default;
        if (!RuntimeFeature.IsDynamicCodeSupported)
        {
            // ML.NET builds its data views with Reflection.Emit, which a Native AOT build does not have.
            throw new EvaluationException(
                "Machine-learning efficacy needs ML.NET, which does not run in the native build of synthdata. Run the evaluation with the JIT build (dotnet synthdata.dll).");
        }

        IReadOnlyList<ColumnMetadata> columns = metadata.ModelableColumns;
        int targetIndex = columns.ToList().FindIndex(c => c.Name == targetColumn);
        if (targetIndex < 0)
        {
            throw new EvaluationException($"Target column '{targetColumn}' is not a numerical, datetime, categorical or boolean column of the metadata.");
        }

        MetricColumn[] real = MetricTables.Convert(realTraining, columns, "real");
        MetricColumn[] fake = MetricTables.Convert(synthetic, columns, "synthetic");
        MetricColumn[] test = MetricTables.Convert(holdout, columns, "holdout");
        var task = new LabelTask(real[targetIndex], targetIndex);

        (double realScore, int testRows) = TrainAndTest(real, test, task, options);
        (double syntheticScore, _) = TrainAndTest(fake, test, task, options);
        return new MachineLearningEfficacyResult(targetColumn, task.Kind, task.MetricName, syntheticScore, realScore, task.PositiveClass, testRows);
    }

    private static (double Score, int TestRows) TrainAndTest(MetricColumn[] training, MetricColumn[] test, LabelTask task, MachineLearningEfficacyOptions options)
    {
        MetricColumn[] trainingFeatures = task.Features(training);
        var encoder = new FeatureEncoder(trainingFeatures, options.MaxCategoriesPerColumn);
        List<ModelRow> trainingRows = task.Rows(training, trainingFeatures, encoder);
        List<ModelRow> testRows = task.Rows(test, task.Features(test), encoder);
        if (trainingRows.Count < 2 || testRows.Count == 0)
        {
            throw new EvaluationException($"Machine-learning efficacy needs at least 2 training rows and 1 holdout row with a non-null '{task.Target.Name}'.");
        }

        var context = new MLContext(options.Seed);
        SchemaDefinition schema = SchemaDefinition.Create(typeof(ModelRow));
        schema[nameof(ModelRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, encoder.FeatureCount);
        IDataView trainingView = context.Data.LoadFromEnumerable(trainingRows, schema);
        IDataView testView = context.Data.LoadFromEnumerable(testRows, schema);
        double score = task.Kind switch
        {
            MachineLearningTask.Regression => TrainRegression(context, trainingView, testView, options),
            MachineLearningTask.BinaryClassification => TrainBinary(context, trainingView, testView, options),
            _ => TrainMulticlass(context, trainingView, testView, options),
        };
        return (score, testRows.Count);
    }

    private static double TrainRegression(MLContext context, IDataView training, IDataView test, MachineLearningEfficacyOptions options)
    {
        var trainer = context.Regression.Trainers.FastTree(new FastTreeRegressionTrainer.Options
        {
            NumberOfTrees = options.NumberOfTrees,
            NumberOfLeaves = options.NumberOfLeaves,
            NumberOfThreads = 1,
            LabelColumnName = nameof(ModelRow.Label),
            FeatureColumnName = nameof(ModelRow.Features),
        });
        IDataView predictions = trainer.Fit(training).Transform(test);
        return context.Regression.Evaluate(predictions, nameof(ModelRow.Label)).RSquared;
    }

    private static double TrainBinary(MLContext context, IDataView training, IDataView test, MachineLearningEfficacyOptions options)
    {
        // The float label 1 or 0 becomes the Boolean label that binary trainers need.
        var pipeline = context.Transforms.Conversion.ConvertType("Label", outputKind: DataKind.Boolean)
            .Append(context.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
            {
                NumberOfTrees = options.NumberOfTrees,
                NumberOfLeaves = options.NumberOfLeaves,
                NumberOfThreads = 1,
                LabelColumnName = "Label",
                FeatureColumnName = nameof(ModelRow.Features),
            }));
        IDataView predictions = pipeline.Fit(training).Transform(test);
        return context.BinaryClassification.EvaluateNonCalibrated(predictions, "Label").F1Score;
    }

    private static double TrainMulticlass(MLContext context, IDataView training, IDataView test, MachineLearningEfficacyOptions options)
    {
        // One-versus-all FastTree costs one boosted model per class, which took tens of seconds on 6 classes and
        // 2,000 rows, so multiclass targets use L-BFGS multinomial logistic regression on min-max scaled features.
        var pipeline = context.Transforms.Conversion.MapValueToKey(nameof(ModelRow.Label))
            .Append(context.Transforms.NormalizeMinMax(nameof(ModelRow.Features)))
            .Append(context.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
            {
                LabelColumnName = nameof(ModelRow.Label),
                FeatureColumnName = nameof(ModelRow.Features),
                NumberOfThreads = 1,
                MaximumNumberOfIterations = 100,
            }));
        IDataView predictions = pipeline.Fit(training).Transform(test);
        ConfusionMatrix matrix = context.MulticlassClassification.Evaluate(predictions, nameof(ModelRow.Label)).ConfusionMatrix;

        // Macro F1: the mean over classes of 2PR / (P + R), with 0 for a class never predicted correctly.
        double sum = 0;
        for (int k = 0; k < matrix.NumberOfClasses; k++)
        {
            double precision = matrix.PerClassPrecision[k];
            double recall = matrix.PerClassRecall[k];
            sum += precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0;
        }

        return sum / matrix.NumberOfClasses;
    }

    /// <summary>One training or test example as ML.NET reads it.</summary>
    private sealed class ModelRow
    {
        public float Label { get; set; }

        public float[] Features { get; set; } = [];
    }

    /// <summary>The target column's task, label coding and positive class, fixed from the real training rows.</summary>
    private sealed class LabelTask
    {
        private readonly int _targetIndex;
        private readonly Dictionary<string, int> _classes = new(StringComparer.Ordinal);

        public LabelTask(MetricColumn target, int targetIndex)
        {
            Target = target;
            _targetIndex = targetIndex;
            if (target.IsContinuous)
            {
                Kind = MachineLearningTask.Regression;
                MetricName = "R²";
                return;
            }

            string[] byFrequency = target.Labels!
                .Where(label => label is not null)
                .GroupBy(label => label!, StringComparer.Ordinal)
                .OrderByDescending(group => group.Count())
                .ThenBy(group => group.Key, StringComparer.Ordinal)
                .Select(group => group.Key)
                .ToArray();
            if (byFrequency.Length < 2)
            {
                throw new EvaluationException($"Target column '{target.Name}' has fewer than 2 classes in the real rows, so no classifier can be trained.");
            }

            for (int k = 0; k < byFrequency.Length; k++)
            {
                _classes.Add(byFrequency[k], k);
            }

            Kind = byFrequency.Length == 2 ? MachineLearningTask.BinaryClassification : MachineLearningTask.MulticlassClassification;
            MetricName = Kind == MachineLearningTask.BinaryClassification ? "F1" : "macro F1";
            PositiveClass = Kind == MachineLearningTask.BinaryClassification ? byFrequency[1] : null;
        }

        public MetricColumn Target { get; }

        public MachineLearningTask Kind { get; }

        public string MetricName { get; }

        public string? PositiveClass { get; }

        public MetricColumn[] Features(MetricColumn[] table) => table.Where((_, j) => j != _targetIndex).ToArray();

        public List<ModelRow> Rows(MetricColumn[] table, MetricColumn[] features, FeatureEncoder encoder)
        {
            MetricColumn target = table[_targetIndex];
            var rows = new List<ModelRow>(target.Length);
            for (int row = 0; row < target.Length; row++)
            {
                float? label = Label(target, row);
                if (label is not null)
                {
                    rows.Add(new ModelRow { Label = label.Value, Features = encoder.Encode(features, row) });
                }
            }

            return rows;
        }

        private float? Label(MetricColumn target, int row)
        {
            if (Kind == MachineLearningTask.Regression)
            {
                double value = target.Numbers![row];
                return double.IsNaN(value) ? null : (float)value;
            }

            string? label = target.Labels![row];
            if (label is null)
            {
                return null;
            }

            if (Kind == MachineLearningTask.BinaryClassification)
            {
                return label == PositiveClass ? 1f : 0f;
            }

            // Classes the real rows never had get a code of their own past the known ones.
            return _classes.TryGetValue(label, out int code) ? code : _classes.Count;
        }
    }
}
