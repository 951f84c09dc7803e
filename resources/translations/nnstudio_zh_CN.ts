<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>Accessibility</name>
    <message>
        <source>{where} progress</source>
        <translation>{where}进度</translation>
    </message>
    <message>
        <source>Status bar</source>
        <translation>状态栏</translation>
    </message>
    <message>
        <source>{y} against {x}</source>
        <translation>{y} 随 {x} 的变化</translation>
    </message>
    <message>
        <source>{where} plot</source>
        <translation>{where}图</translation>
    </message>
    <message>
        <source>Plot</source>
        <translation>图</translation>
    </message>
</context>
<context>
    <name>ActivationsView</name>
    <message>
        <source>The layer l whose activations A[l] are shown</source>
        <translation>要显示其激活值 A[l] 的层 l</translation>
    </message>
    <message>
        <source>sample (a fixed batch, sorted by label)</source>
        <translation>样本（固定的一批，按标签排序）</translation>
    </message>
    <message>
        <source>unit</source>
        <translation>单元</translation>
    </message>
    <message>
        <source>count</source>
        <translation>个数</translation>
    </message>
    <message>
        <source>Layer:</source>
        <translation>层：</translation>
    </message>
    <message>
        <source>These are the activations of the starting weights: train the network to see them change</source>
        <translation>这是初始权重下的激活值：训练网络，看看它们如何变化</translation>
    </message>
    <message>
        <source>output</source>
        <translation>输出层</translation>
    </message>
    <message>
        <source>hidden</source>
        <translation>隐层</translation>
    </message>
    <message>
        <source>Layer {l} ({kind}): {n} {act} units, A[{l}] is ({n}, m)</source>
        <translation>第 {l} 层（{kind}）：{n} 个 {act} 单元，A[{l}] 是 ({n}, m)</translation>
    </message>
    <message>
        <source>layer {l}: {dead} of {n}</source>
        <translation>第 {l} 层：{n} 个中有 {dead} 个</translation>
    </message>
    <message>
        <source>Dead relu units (0 for every sample): {share:.0f} % — {parts}</source>
        <translation>死亡的 relu 单元（对每个样本都输出 0）：{share:.0f} % — {parts}</translation>
    </message>
    <message>
        <source>No relu layer, so no dead relu units.</source>
        <translation>没有 relu 层，因此没有死亡的 relu 单元。</translation>
    </message>
    <message>
        <source>value of A[{l}] ({act})</source>
        <translation>A[{l}] 的值（{act}）</translation>
    </message>
    <message>
        <source>{n} units × {b} samples</source>
        <translation>{n} 个单元 × {b} 个样本</translation>
    </message>
    <message>
        <source>{values}; {share:.0f} % of the values sit in a flat end of {act}, where its slope g′(z) is nearly 0 and learning slows down.</source>
        <translation>{values}；{share:.0f} % 的值落在 {act} 的平坦两端，那里的斜率 g′(z) 几乎为 0，学习会变慢。</translation>
    </message>
    <message>
        <source>{values}; {dead} of {n} units output 0 for every sample: a dead relu gets no gradient and stops learning.</source>
        <translation>{values}；{n} 个单元中有 {dead} 个对每个样本都输出 0：死亡的 relu 单元得不到梯度，不再学习。</translation>
    </message>
    <message>
        <source>{values}; every unit is positive for some sample, so none is dead.</source>
        <translation>{values}；每个单元都至少对某个样本为正，所以没有死亡单元。</translation>
    </message>
</context>
<context>
    <name>Advice</name>
    <message>
        <source>{optimizer} moves every weight by about the learning rate at each step, so {lr:g} is far too large. Try its usual learning rate, {suggested:g}.</source>
        <translation>{optimizer} 每一步让每个权重移动大约一个学习率的距离，所以 {lr:g} 太大了。请试试它常用的学习率 {suggested:g}。</translation>
    </message>
    <message>
        <source>The learning rate {lr:g} is too large for this network. Try a learning rate about 10× smaller ({suggested:g}).</source>
        <translation>对这个网络来说，学习率 {lr:g} 太大了。请试试小约 10 倍的学习率（{suggested:g}）。</translation>
    </message>
    <message>
        <source>The Adam optimizer, which scales each weight&apos;s step, may also help.</source>
        <translation>改用 Adam 优化器（它会分别缩放每个权重的步长）也可能有帮助。</translation>
    </message>
    <message>
        <source>The weights were left as they were when training stopped.</source>
        <translation>权重保留为训练停止时的值。</translation>
    </message>
    <message>
        <source>The last finite weights were kept.</source>
        <translation>已保留最后一组有限的权重。</translation>
    </message>
    <message>
        <source>Training diverged at iteration {step}: the cost rose from {first:.4g} to {last:.4g} and stayed there, and the weights of layer {layer} (W{layer}) grew the most.</source>
        <translation>训练在第 {step} 次迭代时发散：代价从 {first:.4g} 升到 {last:.4g} 并停留在那里，其中第 {layer} 层的权重（W{layer}）增长得最多。</translation>
    </message>
    <message>
        <source>layer {l} (dW{l})</source>
        <translation>第 {l} 层（dW{l}）</translation>
    </message>
    <message>
        <source>the output</source>
        <translation>输出层</translation>
    </message>
    <message>
        <source>Training diverged at iteration {step}: the gradients of {where} became infinite or NaN first.</source>
        <translation>训练在第 {step} 次迭代时发散：{where}的梯度最先变成了无穷大或 NaN。</translation>
    </message>
    <message>
        <source>Try more hidden units or layers, another learning rate, or standardised inputs.</source>
        <translation>请试试增加隐层单元或层数、换一个学习率，或标准化输入。</translation>
    </message>
    <message>
        <source>The network did not learn: in {iterations} iterations the cost went only from {first:.4g} to {last:.4g}, and the training accuracy ({accuracy}) is no better than always answering the most common class ({chance}).</source>
        <translation>网络没有学到东西：{iterations} 次迭代中，代价只从 {first:.4g} 变到 {last:.4g}，训练准确率（{accuracy}）也不比总是回答最常见的类别（{chance}）更好。</translation>
    </message>
    <message>
        <source>The network did not learn: in {iterations} iterations the cost went only from {first:.4g} to {last:.4g}.</source>
        <translation>网络没有学到东西：{iterations} 次迭代中，代价只从 {first:.4g} 变到 {last:.4g}。</translation>
    </message>
    <message>
        <source>The network did not learn to tell the classes apart: its training accuracy ({accuracy}) is no better than always answering the most common class ({chance}).</source>
        <translation>网络没有学会区分各个类别：它的训练准确率（{accuracy}）不比总是回答最常见的类别（{chance}）更好。</translation>
    </message>
    <message>
        <source>Initial weights scaled to the layer sizes (Xavier or He) may also help.</source>
        <translation>按各层大小缩放的初始权重（Xavier 或 He）也可能有帮助。</translation>
    </message>
    <message>
        <source>This run started from weights an earlier run had blown up: their cost was {start:.4g}, against {initial:.4g} for fresh initial weights, and no learning rate brings them back quickly. Click Reset weights to start again from fresh initial weights.</source>
        <translation>这次训练从先前一次训练弄坏的权重开始：它们的代价是 {start:.4g}，而新的初始权重的代价是 {initial:.4g}，任何学习率都无法很快把它们拉回来。请点击“重置权重”，从新的初始权重重新开始。</translation>
    </message>
    <message>
        <source>All {units} units of layer {layer} have the same weights, so they compute the same thing and receive the same gradient. Initialise the weights randomly (Xavier, or He for ReLU).</source>
        <translation>第 {layer} 层的全部 {units} 个单元权重相同，所以它们计算同样的东西，也得到同样的梯度。请随机初始化权重（Xavier，ReLU 则用 He）。</translation>
    </message>
    <message>
        <source>Without a hidden layer the network can only draw a straight boundary (logistic regression). Add a hidden layer.</source>
        <translation>没有隐层时，网络只能画出直线边界（逻辑回归）。请添加一个隐层。</translation>
    </message>
    <message>
        <source>The only ReLU unit of layer {layer} is dead: it outputs 0 for every sample, so no gradient reaches its weights.</source>
        <translation>第 {layer} 层唯一的 ReLU 单元已经死亡：它对每个样本都输出 0，所以没有梯度能到达它的权重。</translation>
    </message>
    <message>
        <source>{dead} of the {units} ReLU units of layer {layer} are dead: they output 0 for every sample, so no gradient reaches their weights.</source>
        <translation>第 {layer} 层的 {units} 个 ReLU 单元中有 {dead} 个已经死亡：它们对每个样本都输出 0，所以没有梯度能到达它们的权重。</translation>
    </message>
    <message>
        <source>Try a smaller learning rate.</source>
        <translation>请试试更小的学习率。</translation>
    </message>
    <message>
        <source>Try a smaller learning rate and He initialisation.</source>
        <translation>请试试更小的学习率和 He 初始化。</translation>
    </message>
    <message>
        <source>The only {activation} unit of layer {layer} is saturated: its slope g′(Z) is nearly 0 for almost every sample, so its gradient vanishes.</source>
        <translation>第 {layer} 层唯一的 {activation} 单元已经饱和：对几乎每个样本，它的斜率 g′(Z) 都接近 0，所以它的梯度消失了。</translation>
    </message>
    <message>
        <source>{saturated} of the {units} {activation} units of layer {layer} are saturated: their slope g′(Z) is nearly 0 for almost every sample, so their gradients vanish.</source>
        <translation>第 {layer} 层的 {units} 个 {activation} 单元中有 {saturated} 个已经饱和：对几乎每个样本，它们的斜率 g′(Z) 都接近 0，所以它们的梯度消失了。</translation>
    </message>
    <message>
        <source>Try a smaller learning rate, or ReLU units with He initialisation.</source>
        <translation>请试试更小的学习率，或改用 ReLU 单元并配合 He 初始化。</translation>
    </message>
    <message>
        <source>The input features have very different scales (standard deviations from {smallest:.3g} to {largest:.3g}) and are not standardised. Standardise the inputs (mean 0 and variance 1 for every feature).</source>
        <translation>输入特征的尺度相差很大（标准差从 {smallest:.3g} 到 {largest:.3g}），而且没有标准化。请标准化输入（使每个特征的均值为 0、方差为 1）。</translation>
    </message>
    <message>
        <source>The gradient of layer 1 is only {ratio:.2g} times that of a later layer: through {hidden} {activation} hidden layers it vanishes on the way back. Try fewer layers, or ReLU units with He initialisation.</source>
        <translation>第 1 层的梯度只有后面某一层的 {ratio:.2g} 倍：经过 {hidden} 个 {activation} 隐层反向传回时，梯度逐渐消失了。请试试减少层数，或改用 ReLU 单元并配合 He 初始化。</translation>
    </message>
    <message>
        <source>The cost went up between {share} of the records: the learning rate {lr:g} makes it jump around the minimum. Try a smaller learning rate, e.g. {suggested:g}.</source>
        <translation>在 {share} 的相邻记录之间，代价是上升的：学习率 {lr:g} 使它在最小值附近来回跳动。请试试更小的学习率，例如 {suggested:g}。</translation>
    </message>
    <message>
        <source>The cost is still falling, slowly: the learning rate {lr:g} is small for this network. Try a larger learning rate, e.g. {suggested:g}, or more iterations.</source>
        <translation>代价仍在下降，但很慢：对这个网络来说，学习率 {lr:g} 偏小。请试试更大的学习率（例如 {suggested:g}），或增加迭代次数。</translation>
    </message>
</context>
<context>
    <name>AppearanceUi</name>
    <message>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <source>Follow &amp;system</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <source>Light or dark as the operating system&apos;s colour scheme is</source>
        <translation>按操作系统的配色方案使用浅色或深色</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Actual size</source>
        <translation>实际大小(&amp;A)</translation>
    </message>
    <message>
        <source>Text size of the whole window, for a projector or a laptop</source>
        <translation>整个窗口的文字大小，适合投影仪或笔记本电脑</translation>
    </message>
    <message>
        <source>Text size: {percent} %</source>
        <translation>文字大小：{percent} %</translation>
    </message>
</context>
<context>
    <name>BiasVariancePanel</name>
    <message>
        <source>How well people (or the best system you know) do on this task: a stand-in for the lowest error possible, the Bayes error. The avoidable bias is the training error minus this; leave 0 when no one could do better than perfect.</source>
        <translation>人（或你所知最好的系统）在这个任务上的表现：用来近似可能达到的最低误差，即贝叶斯误差。可避免偏差 = 训练误差 − 这个值；若没有理由认为做不到完美，就保留 0。</translation>
    </message>
    <message>
        <source>Avoidable bias:</source>
        <translation>可避免偏差：</translation>
    </message>
    <message>
        <source>Variance:</source>
        <translation>方差：</translation>
    </message>
    <message>
        <source>Evaluate on test</source>
        <translation>在测试集上评估</translation>
    </message>
    <message>
        <source>Measure the network on the test set. The dev set helped choose the settings, so its error is a little optimistic; the test set chose nothing, so it tells how the finished network does on new data. Evaluate on it once, at the end: a test set used to choose settings becomes another dev set.</source>
        <translation>在测试集上衡量网络。验证集参与了设置的选择，所以它的误差略显乐观；测试集没有参与任何选择，因此能说明训练好的网络在新数据上的表现。只在最后评估一次：用来选择设置的测试集就变成了另一个验证集。</translation>
    </message>
    <message>
        <source>Training cost:</source>
        <translation>训练代价：</translation>
    </message>
    <message>
        <source>Dev cost:</source>
        <translation>验证代价：</translation>
    </message>
    <message>
        <source>Human-level cost:</source>
        <translation>人类水平代价：</translation>
    </message>
    <message>
        <source>Training error:</source>
        <translation>训练误差：</translation>
    </message>
    <message>
        <source>Dev error:</source>
        <translation>验证误差：</translation>
    </message>
    <message>
        <source>Human-level error:</source>
        <translation>人类水平误差：</translation>
    </message>
    <message>
        <source>No verdict yet</source>
        <translation>尚无结论</translation>
    </message>
    <message>
        <source>There is no dev set, so variance cannot be told from bias: hold some samples back with Dev set in the Data panel and train again.</source>
        <translation>没有验证集，无法区分方差与偏差：请在数据面板的“验证集”中留出一些样本，然后重新训练。</translation>
    </message>
    <message>
        <source>Train a run: when it ends, its training and dev errors are judged here.</source>
        <translation>训练一次：训练结束时，会在这里根据训练误差和验证误差给出结论。</translation>
    </message>
    <message>
        <source>There is no test set: choose a Test set share in the Data panel.</source>
        <translation>没有测试集：请在数据面板中选择“测试集”比例。</translation>
    </message>
    <message>
        <source>The test set ({m} samples) is kept apart until you evaluate on it.</source>
        <translation>测试集（{m} 个样本）会一直单独保留，直到你在它上面评估。</translation>
    </message>
    <message>
        <source>Test set ({m} samples): cost J = {cost}</source>
        <translation>测试集（{m} 个样本）：代价 J = {cost}</translation>
    </message>
    <message>
        <source>Test set ({m} samples): cost J = {cost}, error {error}, accuracy {acc}</source>
        <translation>测试集（{m} 个样本）：代价 J = {cost}，误差 {error}，准确率 {acc}</translation>
    </message>
</context>
<context>
    <name>BuiltinData</name>
    <message>
        <source>class {k}</source>
        <translation>类别 {k}</translation>
    </message>
    <message>
        <source>{name} must be a whole number from {low} to {high}; got {value!r}</source>
        <translation>{name} 必须是 {low} 到 {high} 之间的整数，但得到的是 {value!r}</translation>
    </message>
    <message>
        <source>the number of classes is fixed for {name}; only spiral and blobs take a &apos;classes&apos; parameter</source>
        <translation>{name} 的类别数是固定的；只有 spiral 和 blobs 接受 &apos;classes&apos; 参数</translation>
    </message>
    <message>
        <source>unknown parameter(s) {unknown} for {name}; it takes {known}</source>
        <translation>{name} 没有参数 {unknown}；它接受的参数是 {known}</translation>
    </message>
    <message>
        <source>noise must be a number ≥ 0; got {value!r}</source>
        <translation>噪声必须是 ≥ 0 的数，但得到的是 {value!r}</translation>
    </message>
    <message>
        <source>noise must be a finite number ≥ 0; got {value!r}</source>
        <translation>噪声必须是 ≥ 0 的有限数，但得到的是 {value!r}</translation>
    </message>
    <message>
        <source>there is no built-in data set {name!r}; choose one of {known}</source>
        <translation>没有名为 {name!r} 的内置数据集；请从 {known} 中选择</translation>
    </message>
    <message>
        <source>not a built-in data set description (expected &quot;kind&quot;: &quot;builtin&quot;)</source>
        <translation>这不是内置数据集的描述（应为 &quot;kind&quot;: &quot;builtin&quot;）</translation>
    </message>
    <message>
        <source>&quot;params&quot; of a built-in data set must be a mapping</source>
        <translation>内置数据集的 &quot;params&quot; 必须是映射</translation>
    </message>
    <message>
        <source>Flower (planar data)</source>
        <translation>花朵（平面数据）</translation>
    </message>
    <message>
        <source>Red and blue petals; no straight line separates them.</source>
        <translation>红色和蓝色的花瓣，没有哪条直线能把它们分开。</translation>
    </message>
    <message>
        <source>red</source>
        <translation>红</translation>
    </message>
    <message>
        <source>blue</source>
        <translation>蓝</translation>
    </message>
    <message>
        <source>Circles</source>
        <translation>同心圆</translation>
    </message>
    <message>
        <source>A ring inside a ring; the boundary must be a closed curve.</source>
        <translation>一个圆环套着另一个圆环，决策边界必须是一条闭合曲线。</translation>
    </message>
    <message>
        <source>outer</source>
        <translation>外圈</translation>
    </message>
    <message>
        <source>inner</source>
        <translation>内圈</translation>
    </message>
    <message>
        <source>Moons</source>
        <translation>双月</translation>
    </message>
    <message>
        <source>Two interleaved half circles.</source>
        <translation>两个相互交错的半圆。</translation>
    </message>
    <message>
        <source>upper</source>
        <translation>上</translation>
    </message>
    <message>
        <source>lower</source>
        <translation>下</translation>
    </message>
    <message>
        <source>XOR</source>
        <translation>异或（XOR）</translation>
    </message>
    <message>
        <source>Class 1 where x1 and x2 have opposite signs; one line cannot do it.</source>
        <translation>x1 与 x2 异号时为类别 1，一条直线做不到。</translation>
    </message>
    <message>
        <source>same sign</source>
        <translation>同号</translation>
    </message>
    <message>
        <source>opposite signs</source>
        <translation>异号</translation>
    </message>
    <message>
        <source>Spiral</source>
        <translation>螺旋</translation>
    </message>
    <message>
        <source>K spiral arms; a softmax output with K units.</source>
        <translation>K 条螺旋臂；输出层是 K 个单元的 softmax。</translation>
    </message>
    <message>
        <source>Blobs</source>
        <translation>高斯团</translation>
    </message>
    <message>
        <source>K Gaussian clouds; almost separable by straight lines.</source>
        <translation>K 团高斯分布的点，几乎可以用直线分开。</translation>
    </message>
    <message>
        <source>Sine (regression)</source>
        <translation>正弦（回归）</translation>
    </message>
    <message>
        <source>y = sin(x) + noise; a linear output with squared error.</source>
        <translation>y = sin(x) + 噪声；线性输出，平方误差。</translation>
    </message>
</context>
<context>
    <name>CompareRunsView</name>
    <message>
        <source>layer sizes n[l]</source>
        <translation>各层单元数 n[l]</translation>
    </message>
    <message>
        <source>activations g[l]</source>
        <translation>激活函数 g[l]</translation>
    </message>
    <message>
        <source>initialisation</source>
        <translation>初始化</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>precision</source>
        <translation>精度</translation>
    </message>
    <message>
        <source>L2 λ</source>
        <translation>L2 λ</translation>
    </message>
    <message>
        <source>L1 λ₁</source>
        <translation>L1 λ₁</translation>
    </message>
    <message>
        <source>learning rate α</source>
        <translation>学习率 α</translation>
    </message>
    <message>
        <source>optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>batch size</source>
        <translation>批量大小</translation>
    </message>
    <message>
        <source>epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <source>data set</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>dropout</source>
        <translation>随机失活</translation>
    </message>
    <message>
        <source>batch normalisation</source>
        <translation>批归一化</translation>
    </message>
    <message>
        <source>learning-rate decay</source>
        <translation>学习率衰减</translation>
    </message>
    <message>
        <source>changed while training</source>
        <translation>训练中途的修改</translation>
    </message>
    <message>
        <source>No bias–variance verdict: the run had no dev set.</source>
        <translation>没有偏差–方差结论：这次训练没有验证集。</translation>
    </message>
    <message>
        <source>{setting}: {value}</source>
        <translation>{setting}：{value}</translation>
    </message>
    <message>
        <source>Kept runs</source>
        <translation>保留的训练记录</translation>
    </message>
    <message>
        <source>Every training run is kept here when it ends, named after its activations and learning rate and whatever else changed since the previous run. Untick a run to hide its curve; double-click its name to rename it. Change one thing at a time to see what it does.</source>
        <translation>每次训练结束时都会保留在这里，以它的激活函数、学习率以及相对上一次改变的设置命名。取消勾选可隐藏它的曲线；双击名称可重命名。每次只改一样东西，才能看出它的作用。</translation>
    </message>
    <message>
        <source>The selected run&apos;s bias–variance verdict at its end, from its training and dev errors and the human-level error set in the Bias and variance view.</source>
        <translation>所选训练结束时的偏差–方差结论，依据它的训练误差、验证误差以及“偏差与方差”视图中设置的人类水平误差。</translation>
    </message>
    <message>
        <source>cost J (dev set)</source>
        <translation>代价 J（验证集）</translation>
    </message>
    <message>
        <source>accuracy (dev set)</source>
        <translation>准确率（验证集）</translation>
    </message>
    <message>
        <source>A logarithmic y axis separates costs that are all close to zero, and shows an exponential decay of the learning rate as a straight line.</source>
        <translation>对数纵轴能把都接近零的代价区分开，也会把学习率的指数衰减画成一条直线。</translation>
    </message>
    <message>
        <source>No run kept yet. Press Train: when a run ends (finished or stopped) it is kept here. Training on continues the same run; new weights (Reset weights, another network or data set) start a new one. Change one setting and train again to compare.</source>
        <translation>还没有保留的训练记录。请按“训练”：一次训练结束（完成或停止）时会保留在这里。继续训练属于同一次训练；新的权重（重置权重、换网络或数据集）会开始新的一次。改一项设置再训练一次，就可以比较。</translation>
    </message>
    <message>
        <source>Select a run to see its bias–variance verdict.</source>
        <translation>选择一次训练以查看它的偏差–方差结论。</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete the selected run (Delete key).</source>
        <translation>删除选中的训练记录（Delete 键）。</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>cost J (training)</source>
        <translation>代价 J（训练）</translation>
    </message>
    <message>
        <source>accuracy (training)</source>
        <translation>准确率（训练）</translation>
    </message>
    <message>
        <source>Which curve to compare. The training cost shows how well each run fits the data it learns from; the dev set cost shows how well it does on data it never saw — a gap between them means overfitting. The learning rate shows each run&apos;s α as decay lowered it.</source>
        <translation>要比较哪条曲线。训练代价显示每次运行对它所学数据的拟合程度；验证集代价显示它在从未见过的数据上表现如何——两者之间的差距意味着过拟合。学习率显示每次运行的 α 如何被衰减降低。</translation>
    </message>
    <message>
        <source>Log scale</source>
        <translation>对数刻度</translation>
    </message>
    <message>
        <source>iteration</source>
        <translation>迭代次数</translation>
    </message>
    <message>
        <source>One curve per visible run, in the colour of its name.</source>
        <translation>每条可见的训练记录一条曲线，颜色与它的名称相同。</translation>
    </message>
</context>
<context>
    <name>CostView</name>
    <message>
        <source>cost J</source>
        <translation>代价 J</translation>
    </message>
    <message>
        <source>iteration</source>
        <translation>迭代次数</translation>
    </message>
    <message>
        <source>Train the network to see its cost</source>
        <translation>训练网络后即可看到它的代价</translation>
    </message>
    <message>
        <source>training cost</source>
        <translation>训练代价</translation>
    </message>
    <message>
        <source>accuracy (%)</source>
        <translation>准确率 (%)</translation>
    </message>
    <message>
        <source>training accuracy</source>
        <translation>训练准确率</translation>
    </message>
    <message>
        <source>dev cost</source>
        <translation>验证代价</translation>
    </message>
    <message>
        <source>dev accuracy</source>
        <translation>验证准确率</translation>
    </message>
    <message>
        <source>Logarithmic cost axis</source>
        <translation>代价轴使用对数刻度</translation>
    </message>
    <message>
        <source>A log scale shows the cost&apos;s late, slow progress that a linear axis flattens.</source>
        <translation>对数刻度能显示代价在后期缓慢的下降，而线性坐标轴会把它压平。</translation>
    </message>
    <message>
        <source>The cost spans {n} powers of ten, so its axis is logarithmic; untick to see it on a linear axis.</source>
        <translation>代价跨越了 {n} 个数量级，所以坐标轴使用对数刻度；取消勾选可改用线性坐标轴查看。</translation>
    </message>
    <message>
        <source>iteration {step} · cost {cost:.4g}</source>
        <translation>第 {step} 次迭代 · 代价 {cost:.4g}</translation>
    </message>
    <message>
        <source>Not trained yet</source>
        <translation>尚未训练</translation>
    </message>
    <message>
        <source>{name} changed from {old:g} to {new:g} at iteration {step}</source>
        <translation>{name} 在第 {step} 次迭代从 {old:g} 改为 {new:g}</translation>
    </message>
    <message>
        <source>Data and regularisation terms</source>
        <translation>数据项和正则化项</translation>
    </message>
    <message>
        <source>Show the data term and the regularisation term</source>
        <translation>显示数据项和正则化项</translation>
    </message>
    <message>
        <source>Split the training cost J into the data term (1/m)·Σ L(ŷ, y), how well the network fits the data, and the regularisation term λ/(2m)·Σ‖W[l]‖² + λ₁/m·Σ|W[l]|, what the size of the weights costs. At each recorded iteration the two add up to J.</source>
        <translation>把训练代价 J 分成数据项 (1/m)·Σ L(ŷ, y)（网络拟合数据的程度）和正则化项 λ/(2m)·Σ‖W[l]‖² + λ₁/m·Σ|W[l]|（权重大小的代价）。在每个记录的迭代处，两者之和等于 J。</translation>
    </message>
    <message>
        <source>data term</source>
        <translation>数据项</translation>
    </message>
    <message>
        <source>regularisation term</source>
        <translation>正则化项</translation>
    </message>
    <message>
        <source>α in use</source>
        <translation>所用的 α</translation>
    </message>
    <message>
        <source>The learning rate each update used: α₀ until learning-rate decay lowers it after each epoch (inverse: α₀ / (1 + decay_rate · epoch_num), scheduled: α₀ / (1 + decay_rate · ⌊epoch_num / time_interval⌋), exponential: α₀ · decay_rate^epoch_num), or a change you made during the run.</source>
        <translation>每次更新所用的学习率：先是 α₀，直到学习率衰减在每一轮之后把它降低（反比：α₀ / (1 + 衰减率 · 轮数)，定期：α₀ / (1 + 衰减率 · ⌊轮数 / 间隔⌋)，指数：α₀ · 衰减率^轮数），或是你在训练中途做的修改。</translation>
    </message>
</context>
<context>
    <name>CsvDialog</name>
    <message>
        <source>Import {file}</source>
        <translation>导入 {file}</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>有</translation>
    </message>
    <message>
        <source>no (columns are numbered)</source>
        <translation>无（各列按编号命名）</translation>
    </message>
    <message>
        <source>Each row is one sample and becomes one column of X. Values separated by: {delimiter}. Header row: {header}. The first {n} rows:</source>
        <translation>每一行是一个样本，会成为 X 的一列。分隔符：{delimiter}。表头行：{header}。前 {n} 行：</translation>
    </message>
    <message>
        <source>Rows are numbered as in a spreadsheet: the header, if any, is row 1.</source>
        <translation>行号与电子表格中一致：如果有表头，表头就是第 1 行。</translation>
    </message>
    <message>
        <source>The column holding y, the value to predict; every other column is a feature.</source>
        <translation>存放 y（要预测的值）的列；其余每一列都是一个特征。</translation>
    </message>
    <message>
        <source>Guess from the labels</source>
        <translation>根据标签自动判断</translation>
    </message>
    <message>
        <source>Two classes (sigmoid output)</source>
        <translation>两个类别（sigmoid 输出）</translation>
    </message>
    <message>
        <source>Several classes (softmax output)</source>
        <translation>多个类别（softmax 输出）</translation>
    </message>
    <message>
        <source>Regression (linear output)</source>
        <translation>回归（线性输出）</translation>
    </message>
    <message>
        <source>Text labels and a few whole numbers make classes; other numbers a regression.</source>
        <translation>文本标签和少量不同的整数会作为类别；其他数字则作为回归。</translation>
    </message>
    <message>
        <source>&amp;Label column:</source>
        <translation>标签列(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Task:</source>
        <translation>任务(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>Cannot import this file — {reason}. Fix the file or choose another label column; the data in use has not changed.</source>
        <translation>无法导入这个文件——{reason}。请修改文件或选择另一个标签列；当前使用的数据没有改变。</translation>
    </message>
</context>
<context>
    <name>CsvError</name>
    <message>
        <source>comma</source>
        <translation>逗号</translation>
    </message>
    <message>
        <source>semicolon</source>
        <translation>分号</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>制表符</translation>
    </message>
    <message>
        <source>vertical bar</source>
        <translation>竖线</translation>
    </message>
    <message>
        <source>{file} is {size:.1f} MB; NN Studio reads CSV files of up to {max} MB. Save a sample of the rows in a smaller file.</source>
        <translation>{file} 有 {size:.1f} MB，而 NN Studio 只能读取不超过 {max} MB 的 CSV 文件。请把部分行另存为一个较小的文件。</translation>
    </message>
    <message>
        <source>{path} is not a regular file; choose a CSV file saved on disk</source>
        <translation>{path} 不是普通文件；请选择保存在磁盘上的 CSV 文件</translation>
    </message>
    <message>
        <source>there is no file {path}; check the name and folder</source>
        <translation>没有文件 {path}，请检查文件名和文件夹</translation>
    </message>
    <message>
        <source>{path} is a folder, not a CSV file</source>
        <translation>{path} 是文件夹，不是 CSV 文件</translation>
    </message>
    <message>
        <source>{file} cannot be read: {reason}</source>
        <translation>无法读取 {file}：{reason}</translation>
    </message>
    <message>
        <source>{file} is not a text file (it may be an Excel workbook); save it from your spreadsheet program as CSV (comma-separated values)</source>
        <translation>{file} 不是文本文件（可能是 Excel 工作簿）；请在电子表格程序中把它另存为 CSV（逗号分隔值）</translation>
    </message>
    <message>
        <source>{file} is empty; choose a CSV file with a header and data rows</source>
        <translation>{file} 是空的，请选择一个有表头和数据行的 CSV 文件</translation>
    </message>
    <message>
        <source>row {row} cannot be read as CSV: {reason}</source>
        <translation>第 {row} 行无法按 CSV 读取：{reason}</translation>
    </message>
    <message>
        <source>row {row}: a quotation mark (&quot;) opens a value that is never closed, so the rest of the file would be read as that one value. Add the closing quotation mark or remove the opening one.</source>
        <translation>第 {row} 行：一个引号（&quot;）开始了一个值，却始终没有闭合，文件的其余部分都会被当作这一个值读取。请补上闭合的引号，或删除开头的引号。</translation>
    </message>
    <message>
        <source>column {n}</source>
        <translation>第 {n} 列</translation>
    </message>
    <message>
        <source>{file} holds no values; choose a CSV file with data rows</source>
        <translation>{file} 里没有任何值，请选择一个有数据行的 CSV 文件</translation>
    </message>
    <message>
        <source>the label column must be a column name or number; got {value!r}</source>
        <translation>标签列必须是列名或列号，但得到的是 {value!r}</translation>
    </message>
    <message>
        <source>there is no column number {number}; the file has {n} columns</source>
        <translation>没有第 {number} 列，文件只有 {n} 列</translation>
    </message>
    <message>
        <source>there is no column {name!r}; the columns are {columns}</source>
        <translation>没有名为 {name!r} 的列；现有的列是 {columns}</translation>
    </message>
    <message>
        <source>row {row}, column {name!r}: the value is missing. Every feature needs a number in every row; fill it in or delete the row.</source>
        <translation>第 {row} 行、{name!r} 列：缺少数值。每个特征在每一行都需要一个数字；请把它补上，或删除这一行。</translation>
    </message>
    <message>
        <source>row {row}, column {name!r}: {value!r} is not a finite number. Feature columns must hold numbers only; correct the value, delete the row, or if {name!r} holds the labels choose it as the label column.</source>
        <translation>第 {row} 行、{name!r} 列：{value!r} 不是有限的数字。特征列只能包含数字；请改正这个值或删除这一行，如果 {name!r} 存放的是标签，请把它选为标签列。</translation>
    </message>
    <message>
        <source>row {row}, column {name!r}: {value!r} is not a number. Feature columns must hold numbers only; correct the value, delete the row, or if {name!r} holds the labels choose it as the label column.</source>
        <translation>第 {row} 行、{name!r} 列：{value!r} 不是数字。特征列只能包含数字；请改正这个值或删除这一行，如果 {name!r} 存放的是标签，请把它选为标签列。</translation>
    </message>
    <message>
        <source>row {row}, column {name!r}: the label is missing; fill it in or delete the row</source>
        <translation>第 {row} 行、{name!r} 列：缺少标签；请把它补上，或删除这一行</translation>
    </message>
    <message>
        <source>row {row}, column {name!r}: the label is missing ({value!r} marks a missing value); fill it in or delete the row</source>
        <translation>第 {row} 行、{name!r} 列：缺少标签（{value!r} 表示缺失值）；请把它补上，或删除这一行</translation>
    </message>
    <message>
        <source>row {row}, column {name!r}: {value!r} is not a number; a regression needs numeric labels. Correct the value, or import the labels as classes.</source>
        <translation>第 {row} 行、{name!r} 列：{value!r} 不是数字，而回归需要数值标签。请改正这个值，或把标签作为类别导入。</translation>
    </message>
    <message>
        <source>all rows have the label {label!r} in column {name!r}; a classifier needs at least two classes. Add rows of another class or choose another label column.</source>
        <translation>{name!r} 列中所有行的标签都是 {label!r}，而分类器至少需要两个类别。请添加其他类别的行，或选择另一个标签列。</translation>
    </message>
    <message>
        <source>column {name!r} has {K} different labels; NN Studio classifies into at most {max} classes. If the labels are measurements, import them as a regression; otherwise choose another label column.</source>
        <translation>{name!r} 列有 {K} 种不同的标签，而 NN Studio 最多只能分 {max} 类。如果这些标签是测量值，请按回归导入；否则请选择另一个标签列。</translation>
    </message>
    <message>
        <source>column {name!r} has {K} classes ({shown}); a binary task needs exactly two. Choose multiclass instead.</source>
        <translation>{name!r} 列有 {K} 个类别（{shown}），而二分类任务需要正好两个。请改选多分类。</translation>
    </message>
    <message>
        <source>task must be one of {tasks} (or None to guess); got {task!r}</source>
        <translation>任务必须是 {tasks} 之一（或用 None 自动判断），但得到的是 {task!r}</translation>
    </message>
    <message>
        <source>{file} has a header row but no data rows; add one row per sample</source>
        <translation>{file} 有表头行但没有数据行，请每个样本添加一行</translation>
    </message>
    <message>
        <source>{file} has more than {max:,} rows; save a sample of at most {max:,} rows in a new file and import that</source>
        <translation>{file} 超过 {max:,} 行；请把最多 {max:,} 行另存为新文件，再导入它</translation>
    </message>
    <message>
        <source>{file} has only one column; a data set needs at least one feature column and a label column. If the values are separated by spaces or another character, save the file with commas between the values.</source>
        <translation>{file} 只有一列，而数据集至少需要一个特征列和一个标签列。如果各个值之间用的是空格或其他字符，请用逗号分隔后重新保存文件。</translation>
    </message>
    <message>
        <source>{file} has {n} feature columns; NN Studio accepts at most {max}. Delete the columns you do not need and import the file again.</source>
        <translation>{file} 有 {n} 个特征列，而 NN Studio 最多只接受 {max} 个。请删除不需要的列，再重新导入。</translation>
    </message>
    <message>
        <source>the header has</source>
        <translation>表头有</translation>
    </message>
    <message>
        <source>row {row} has</source>
        <translation>第 {row} 行有</translation>
    </message>
    <message>
        <source>row {row} has {values} but {where} {n} columns; every row needs one value per column (look for a missing or extra {delimiter}).</source>
        <translation>第 {row} 行有 {values}，但{where} {n} 列；每一行的每一列都需要一个值（请检查是否缺少或多了{delimiter}）。</translation>
    </message>
    <message>
        <source>{n} value</source>
        <translation>{n} 个值</translation>
    </message>
    <message>
        <source>{n} values</source>
        <translation>{n} 个值</translation>
    </message>
</context>
<context>
    <name>DataPanel</name>
    <message>
        <source>The samples the network learns from.</source>
        <translation>网络学习所用的样本。</translation>
    </message>
    <message>
        <source>Random jitter added to the samples: more noise, harder task.</source>
        <translation>给样本加上的随机扰动：噪声越大，任务越难。</translation>
    </message>
    <message>
        <source>K, the number of classes; the output layer gets K softmax units.</source>
        <translation>K，类别的个数；输出层会有 K 个 softmax 单元。</translation>
    </message>
    <message>
        <source>The same seed always draws the same samples.</source>
        <translation>相同的种子总是生成相同的样本。</translation>
    </message>
    <message>
        <source>How many samples to draw. With no dev or test set this is m, the columns of X.</source>
        <translation>要生成多少个样本。没有验证集和测试集时，这就是 m，即 X 的列数。</translation>
    </message>
    <message>
        <source>The dev set: samples held back to check how well the network generalises and to choose settings. They are not part of m; the cost and accuracy views show them beside the training data. The course&apos;s first notes train on all (0 %).</source>
        <translation>验证集：留出的样本，用来检查网络的泛化能力并选择设置。它们不计入 m；代价和准确率视图会把它们与训练数据并列显示。课程最初的笔记用全部样本训练（0 %）。</translation>
    </message>
    <message>
        <source>The test set: samples kept apart until the end. Training never sees them and no live view shows them; evaluate on them once, in the bias and variance view, for an unbiased measure of the finished network.</source>
        <translation>测试集：一直单独保留到最后的样本。训练从不使用它们，实时视图也不显示它们；在“偏差与方差”视图中评估一次，即可无偏地衡量训练好的网络。</translation>
    </message>
    <message>
        <source>Standardise inputs</source>
        <translation>标准化输入</translation>
    </message>
    <message>
        <source>Subtract each feature&apos;s mean and divide by its standard deviation (measured on the training samples), so all inputs have a similar scale and gradient descent converges faster.</source>
        <translation>每个特征减去它的均值、再除以它的标准差（在训练样本上计算），使所有输入的尺度相近，梯度下降收敛得更快。</translation>
    </message>
    <message>
        <source>Import CSV…</source>
        <translation>导入 CSV…</translation>
    </message>
    <message>
        <source>Use your own data: one sample per row, numeric feature columns and a label column.</source>
        <translation>使用你自己的数据：每行一个样本，若干数值特征列和一个标签列。</translation>
    </message>
    <message>
        <source>&amp;Data set:</source>
        <translation>数据集(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Samples:</source>
        <translation>样本数(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Noise:</source>
        <translation>噪声(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Classes K:</source>
        <translation>类别数 K(&amp;C)：</translation>
    </message>
    <message>
        <source>S&amp;eed:</source>
        <translation>随机种子(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Dev set:</source>
        <translation>验证集(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Test set:</source>
        <translation>测试集(&amp;T)：</translation>
    </message>
    <message>
        <source>&lt;b&gt;1&lt;/b&gt; sample: m = {train} for training, {val} in the dev set</source>
        <translation>&lt;b&gt;1&lt;/b&gt; 个样本：m = {train} 个用于训练，{val} 个在验证集中</translation>
    </message>
    <message>
        <source>&lt;b&gt;{m}&lt;/b&gt; samples: m = {train} for training, {val} in the dev set</source>
        <translation>&lt;b&gt;{m}&lt;/b&gt; 个样本：m = {train} 个用于训练，{val} 个在验证集中</translation>
    </message>
    <message>
        <source>hollow points: dev set</source>
        <translation>空心点：验证集</translation>
    </message>
    <message>
        <source>Hold back {p} % for the dev set</source>
        <translation>留出 {p} % 作为验证集</translation>
    </message>
    <message>
        <source>Keep {p} % apart as the test set</source>
        <translation>单独保留 {p} % 作为测试集</translation>
    </message>
    <message>
        <source>“{name}” with points added or removed by hand.</source>
        <translation>“{name}”，手动添加或删除了一些点。</translation>
    </message>
    <message>
        <source>Imported from {file}; labels from column “{label}”.</source>
        <translation>导入自 {file}；标签取自“{label}”列。</translation>
    </message>
    <message>
        <source>Edited: {name}</source>
        <translation>已编辑：{name}</translation>
    </message>
    <message>
        <source>Imported: {name}</source>
        <translation>已导入：{name}</translation>
    </message>
    <message>
        <source>class</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>{n} features, made into n&lt;sup&gt;[0]&lt;/sup&gt; = {n0} network inputs</source>
        <translation>{n} 个特征，构成 n&lt;sup&gt;[0]&lt;/sup&gt; = {n0} 个网络输入</translation>
    </message>
    <message>
        <source>n&lt;sup&gt;[0]&lt;/sup&gt; = 1 feature</source>
        <translation>n&lt;sup&gt;[0]&lt;/sup&gt; = 1 个特征</translation>
    </message>
    <message>
        <source>n&lt;sup&gt;[0]&lt;/sup&gt; = {n} features</source>
        <translation>n&lt;sup&gt;[0]&lt;/sup&gt; = {n} 个特征</translation>
    </message>
    <message>
        <source>{test} in the test set (not shown)</source>
        <translation>{test} 个在测试集中（不显示）</translation>
    </message>
    <message>
        <source>the plot shows the first two</source>
        <translation>图中只显示前两个</translation>
    </message>
    <message>
        <source>regression: the network predicts y</source>
        <translation>回归：网络预测 y</translation>
    </message>
    <message>
        <source>classes: {swatches}</source>
        <translation>类别：{swatches}</translation>
    </message>
    <message>
        <source>Data not changed</source>
        <translation>数据未改变</translation>
    </message>
    <message>
        <source>{reason}

The previous data is still in use.</source>
        <translation>{reason}

仍在使用之前的数据。</translation>
    </message>
    <message>
        <source>Import {name}</source>
        <translation>导入 {name}</translation>
    </message>
    <message>
        <source>Use data set {title} and its settings</source>
        <translation>使用数据集“{title}”及其设置</translation>
    </message>
    <message>
        <source>samples</source>
        <translation>样本数</translation>
    </message>
    <message>
        <source>noise</source>
        <translation>噪声</translation>
    </message>
    <message>
        <source>classes K</source>
        <translation>类别数 K</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Set {key} to {value}</source>
        <translation>将{key}设为 {value}</translation>
    </message>
    <message>
        <source>Use raw inputs</source>
        <translation>使用原始输入</translation>
    </message>
</context>
<context>
    <name>Dataset</name>
    <message>
        <source>{n} sample</source>
        <translation>{n} 个样本</translation>
    </message>
    <message>
        <source>{n} samples</source>
        <translation>{n} 个样本</translation>
    </message>
    <message>
        <source>{n} feature</source>
        <translation>{n} 个特征</translation>
    </message>
    <message>
        <source>{n} features</source>
        <translation>{n} 个特征</translation>
    </message>
    <message>
        <source>{n} class</source>
        <translation>{n} 个类别</translation>
    </message>
    <message>
        <source>{n} classes</source>
        <translation>{n} 个类别</translation>
    </message>
    <message>
        <source>regression</source>
        <translation>回归</translation>
    </message>
    <message>
        <source>{name}: {samples}, {features}, {task}</source>
        <translation>{name}：{samples}，{features}，{task}</translation>
    </message>
</context>
<context>
    <name>DecayControls</name>
    <message>
        <source>none (α = α₀)</source>
        <translation>无（α = α₀）</translation>
    </message>
    <message>
        <source>inverse (α₀ / (1 + rate·epoch))</source>
        <translation>反比（α₀ / (1 + 衰减率·轮数)）</translation>
    </message>
    <message>
        <source>scheduled (every interval)</source>
        <translation>定期（每隔一段轮数）</translation>
    </message>
    <message>
        <source>exponential (α₀ · rate^epoch)</source>
        <translation>指数（α₀ · 衰减率^轮数）</translation>
    </message>
    <message>
        <source>No decay: every epoch trains with α = α₀, the learning rate above.</source>
        <translation>不衰减：每一轮都用 α = α₀，即上面的学习率训练。</translation>
    </message>
    <message>
        <source>α = α₀ / (1 + decay_rate · epoch_num): the rate falls quickly at first, then slowly, so the late steps stay near the minimum instead of circling it.</source>
        <translation>α = α₀ / (1 + 衰减率 · 轮数)：学习率先降得快、后降得慢，于是后期的步子停留在最小值附近，而不是在它周围打转。</translation>
    </message>
    <message>
        <source>Fixed-interval scheduling: α = α₀ / (1 + decay_rate · ⌊epoch_num / time_interval⌋). The rate stays put for time_interval epochs, then drops.</source>
        <translation>固定间隔调度：α = α₀ / (1 + 衰减率 · ⌊轮数 / 间隔⌋)。学习率在每个间隔的轮数内保持不变，然后下降一次。</translation>
    </message>
    <message>
        <source>α = α₀ · decay_rate^epoch_num (decay_rate between 0 and 1): the rate shrinks by the same factor every epoch.</source>
        <translation>α = α₀ · 衰减率^轮数（衰减率介于 0 和 1 之间）：学习率每一轮都乘以同一个因子而缩小。</translation>
    </message>
    <message>
        <source>Learning-rate decay: how α shrinks as the epochs go by (α₀ is the learning rate). The rate is updated after each epoch, so epoch 0 trains with α₀.
inverse: α = α₀ / (1 + decay_rate · epoch_num)
scheduled: α = α₀ / (1 + decay_rate · ⌊epoch_num / time_interval⌋)
exponential: α = α₀ · decay_rate^epoch_num</source>
        <translation>学习率衰减：随着轮数增加 α 如何变小（α₀ 是学习率）。学习率在每一轮之后更新，所以第 0 轮用 α₀ 训练。
反比：α = α₀ / (1 + 衰减率 · 轮数)
定期：α = α₀ / (1 + 衰减率 · ⌊轮数 / 间隔⌋)
指数：α = α₀ · 衰减率^轮数</translation>
    </message>
    <message>
        <source>decay_rate of the schedule: larger decays faster. For exponential decay it is the factor applied every epoch and must lie in (0, 1].</source>
        <translation>衰减方式的 衰减率：越大衰减越快。对指数衰减，它是每一轮乘上的因子，必须在 (0, 1] 之内。</translation>
    </message>
    <message>
        <source>Set decay rate to {value:g}</source>
        <translation>把衰减率设为 {value:g}</translation>
    </message>
    <message>
        <source>time_interval of scheduled decay: the rate drops once every this many epochs (used by the scheduled schedule only).</source>
        <translation>定期衰减的 间隔：每隔这么多轮，学习率下降一次（只有定期衰减使用它）。</translation>
    </message>
    <message>
        <source>Set decay interval to {value} epochs</source>
        <translation>把衰减间隔设为 {value} 轮</translation>
    </message>
    <message>
        <source>LR decay</source>
        <translation>学习率衰减</translation>
    </message>
    <message>
        <source>Decay rate</source>
        <translation>衰减率</translation>
    </message>
    <message>
        <source>Decay interval</source>
        <translation>衰减间隔</translation>
    </message>
</context>
<context>
    <name>DecisionOptions</name>
    <message>
        <source>Discretize</source>
        <translation>离散化</translation>
    </message>
    <message>
        <source>Dev set points</source>
        <translation>验证集点</translation>
    </message>
    <message>
        <source>A regression predicts a number, not a class: there are no class regions to show.</source>
        <translation>回归预测的是数值，而不是类别：没有类别区域可显示。</translation>
    </message>
    <message>
        <source>Class regions are drawn over a plane of two inputs.</source>
        <translation>类别区域画在两个输入构成的平面上。</translation>
    </message>
    <message>
        <source>Colour each point of the plane by the class the network predicts there (ŷ &gt; 0.5, or the likeliest class), without the paler shades of doubt: the regions and the boundary between them.</source>
        <translation>按网络在平面上每一点预测的类别着色（ŷ &gt; 0.5，或可能性最大的类别），不用表示不确定的浅色：只显示各区域和它们之间的边界。</translation>
    </message>
    <message>
        <source>Show the dev set (hollow points): those samples are not trained on, so they show how well the boundary generalises.</source>
        <translation>显示验证集（空心点）：这些样本不参与训练，因此能显示决策边界的泛化程度。</translation>
    </message>
    <message>
        <source>There is no dev set: hold some samples back with Dev set in the Data panel.</source>
        <translation>没有验证集：请在数据面板的“验证集”中留出一些样本。</translation>
    </message>
</context>
<context>
    <name>DecisionView</name>
    <message>
        <source>Show the output</source>
        <translation>显示输出</translation>
    </message>
    <message>
        <source>Show the network&apos;s output again instead of the unit chosen in the diagram</source>
        <translation>重新显示网络的输出，而不是在网络图中选中的单元</translation>
    </message>
    <message>
        <source>label y</source>
        <translation>标签 y</translation>
    </message>
    <message>
        <source>Output ŷ over the input plane (regression)</source>
        <translation>输入平面上的输出 ŷ（回归）</translation>
    </message>
    <message>
        <source>No decision boundary to draw</source>
        <translation>没有可绘制的决策边界</translation>
    </message>
    <message>
        <source>Train the network to see its decision boundary take shape</source>
        <translation>训练网络，看决策边界逐渐成形</translation>
    </message>
    <message>
        <source>There are no training samples: choose or import some data.</source>
        <translation>没有训练样本：请选择或导入一些数据。</translation>
    </message>
    <message>
        <source>A decision boundary can be drawn over one input (a curve) or two (a plane). This data has n[0] = {n0} features, so the network&apos;s output depends on {n0} inputs at once and no flat picture shows it.

The Cost and Activations tabs follow training as usual; import data with one or two feature columns to see a boundary.</source>
        <translation>决策边界只能在一个输入（曲线）或两个输入（平面）上画出。这个数据有 n[0] = {n0} 个特征，网络的输出同时取决于 {n0} 个输入，无法用一张平面图表示。

“代价”和“激活值”标签页仍会照常跟随训练；导入只有一个或两个特征列的数据，就能看到决策边界。</translation>
    </message>
    <message>
        <source>class {k}</source>
        <translation>类别 {k}</translation>
    </message>
    <message>
        <source>Output A[{L}] discretized: the region of each class ({classes})</source>
        <translation>离散化的输出 A[{L}]：每个类别的区域（{classes}）</translation>
    </message>
    <message>
        <source>Output A[{L}] discretized: {one} where ŷ &gt; 0.5, {zero} elsewhere</source>
        <translation>离散化的输出 A[{L}]：ŷ &gt; 0.5 处为 {one}，其余为 {zero}</translation>
    </message>
    <message>
        <source>Output A[{L}]: each point takes the colour of its likeliest class ({classes}), paler where the network is unsure</source>
        <translation>输出 A[{L}]：每个点取其最可能类别的颜色（{classes}），网络越不确定颜色越浅</translation>
    </message>
    <message>
        <source>Output A[{L}] = ŷ, the probability of {one}: the boundary ŷ = 0.5 is where {zero} turns into {one}</source>
        <translation>输出 A[{L}] = ŷ，即 {one} 的概率：决策边界 ŷ = 0.5 就是从 {zero} 变为 {one} 的地方</translation>
    </message>
    <message>
        <source>input x{k}</source>
        <translation>输入 x{k}</translation>
    </message>
    <message>
        <source>output unit {k}, the probability of class {name}</source>
        <translation>输出单元 {k}，即类别 {name} 的概率</translation>
    </message>
    <message>
        <source>output layer</source>
        <translation>输出层</translation>
    </message>
    <message>
        <source>hidden layer {l}</source>
        <translation>第 {l} 个隐层</translation>
    </message>
    <message>
        <source>unit {k} of the {where}, a[{l}]{sub}</source>
        <translation>{where}的第 {k} 个单元，a[{l}]{sub}</translation>
    </message>
    <message>
        <source>The value of {name} over the plane</source>
        <translation>{name} 在平面上的值</translation>
    </message>
    <message>
        <source>Output of {name} ({act}) over the input plane: white is {mid}, purple above, teal below</source>
        <translation>{name}（{act}）在输入平面上的输出：白色为 {mid}，紫色高于它，青色低于它</translation>
    </message>
    <message>
        <source>The predicted probability of {one} over the input x</source>
        <translation>{one} 的预测概率随输入 x 的变化</translation>
    </message>
    <message>
        <source>The predicted probability of each class over the input x: {classes}</source>
        <translation>各个类别的预测概率随输入 x 的变化：{classes}</translation>
    </message>
    <message>
        <source>The fitted curve ŷ(x) over the data</source>
        <translation>拟合曲线 ŷ(x) 与数据</translation>
    </message>
    <message>
        <source>{title}; dashed: {name}</source>
        <translation>{title}；虚线：{name}</translation>
    </message>
</context>
<context>
    <name>DimensionPanel</name>
    <message>
        <source>&amp;Gradient shapes</source>
        <translation>梯度形状(&amp;G)</translation>
    </message>
    <message>
        <source>Add the columns dW, db, dZ and dA: back propagation computes one gradient per array, and each has the shape of the array it belongs to.</source>
        <translation>添加 dW、db、dZ 和 dA 列：反向传播为每个数组计算一个梯度，它的形状与所属数组相同。</translation>
    </message>
    <message>
        <source>Z&lt;sup&gt;[l]&lt;/sup&gt; = W&lt;sup&gt;[l]&lt;/sup&gt;·A&lt;sup&gt;[l-1]&lt;/sup&gt; + b&lt;sup&gt;[l]&lt;/sup&gt;, A&lt;sup&gt;[l]&lt;/sup&gt; = g&lt;sup&gt;[l]&lt;/sup&gt;(Z&lt;sup&gt;[l]&lt;/sup&gt;), X = A&lt;sup&gt;[0]&lt;/sup&gt;. Every column of X, Z and A is one sample; W and b have no m. Hover a cell to see why it has its shape.</source>
        <translation>Z&lt;sup&gt;[l]&lt;/sup&gt; = W&lt;sup&gt;[l]&lt;/sup&gt;·A&lt;sup&gt;[l-1]&lt;/sup&gt; + b&lt;sup&gt;[l]&lt;/sup&gt;，A&lt;sup&gt;[l]&lt;/sup&gt; = g&lt;sup&gt;[l]&lt;/sup&gt;(Z&lt;sup&gt;[l]&lt;/sup&gt;)，X = A&lt;sup&gt;[0]&lt;/sup&gt;。X、Z 和 A 的每一列是一个样本；W 和 b 的维度里没有 m。把鼠标停在单元格上，可以看到它为什么是这个形状。</translation>
    </message>
    <message>
        <source>Dimension table</source>
        <translation>维度表</translation>
    </message>
    <message>
        <source>The shapes of W, b, Z and A in every layer, one row per layer from X to Y. Use the arrow keys to read the cells.</source>
        <translation>每一层 W、b、Z 和 A 的形状，从 X 到 Y 每层一行。用方向键逐格阅读。</translation>
    </message>
    <message>
        <source>&lt;b&gt;Dimensions&lt;/b&gt; for m = {m} training samples · {p} parameters in total</source>
        <translation>m = {m} 个训练样本时的&lt;b&gt;维度&lt;/b&gt; · 共 {p} 个参数</translation>
    </message>
</context>
<context>
    <name>DimensionTableModel</name>
    <message>
        <source>l</source>
        <translation>l</translation>
    </message>
    <message>
        <source>n[l]</source>
        <translation>n[l]</translation>
    </message>
    <message>
        <source>g[l]</source>
        <translation>g[l]</translation>
    </message>
    <message>
        <source>parameters</source>
        <translation>参数数</translation>
    </message>
    <message>
        <source>The layer number l. X (= A[0]) and Y are not layers.</source>
        <translation>层号 l。X（= A[0]）和 Y 不是层。</translation>
    </message>
    <message>
        <source>n[l]: the number of units in layer l (n[0]: features of X).</source>
        <translation>n[l]：第 l 层的单元数（n[0]：X 的特征数）。</translation>
    </message>
    <message>
        <source>g[l]: the activation applied element-wise: A[l] = g[l](Z[l]).</source>
        <translation>g[l]：逐元素作用的激活函数：A[l] = g[l](Z[l])。</translation>
    </message>
    <message>
        <source>Weights: (n[l], n[l-1]). No m: every sample uses the same weights.</source>
        <translation>权重：(n[l], n[l-1])。没有 m：所有样本使用同样的权重。</translation>
    </message>
    <message>
        <source>Biases: (n[l], 1), broadcast over the m columns of W·A.</source>
        <translation>偏置：(n[l], 1)，广播到 W·A 的 m 列上。</translation>
    </message>
    <message>
        <source>Z[l] = W[l]·A[l-1] + b[l]: (n[l], m), one column per sample.</source>
        <translation>Z[l] = W[l]·A[l-1] + b[l]：(n[l], m)，每个样本一列。</translation>
    </message>
    <message>
        <source>A[l] = g[l](Z[l]): same shape as Z[l]. X = A[0]; Y has Ŷ = A[L]&apos;s shape.</source>
        <translation>A[l] = g[l](Z[l])：与 Z[l] 形状相同。X = A[0]；Y 与 Ŷ = A[L] 形状相同。</translation>
    </message>
    <message>
        <source>Numbers learned in this layer: n[l]·n[l-1] weights + n[l] biases.</source>
        <translation>这一层要学习的数：n[l]·n[l-1] 个权重 + n[l] 个偏置。</translation>
    </message>
    <message>
        <source>Dropout mask D[l] = (rand(n[l], m) &lt; keep_prob[l]): (n[l], m), one column per sample, drawn anew at every training step.</source>
        <translation>随机失活掩码 D[l] = (rand(n[l], m) &lt; keep_prob[l])：(n[l], m)，每个样本一列，每个训练步骤重新抽取。</translation>
    </message>
    <message>
        <source>Batch norm scale γ[l]: (n[l], 1), learned like W and b.</source>
        <translation>批归一化的缩放 γ[l]：(n[l], 1)，像 W 和 b 一样学习。</translation>
    </message>
    <message>
        <source>Batch norm shift β[l]: (n[l], 1), learned; it replaces b[l].</source>
        <translation>批归一化的平移 β[l]：(n[l], 1)，需要学习；它取代 b[l]。</translation>
    </message>
    <message>
        <source>{g}[l] = ∂J/∂{a}[l]: a gradient always has the shape of its array.</source>
        <translation>{g}[l] = ∂J/∂{a}[l]：梯度的形状总是与它对应的数组相同。</translation>
    </message>
    <message>
        <source>total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>All parameters of the network: the sum of the layers&apos; W and b entries. It does not depend on m.</source>
        <translation>网络的全部参数：各层 W 和 b 的元素个数之和。它与 m 无关。</translation>
    </message>
    <message>
        <source>{count} parameters in total</source>
        <translation>共 {count} 个参数</translation>
    </message>
    <message>
        <source>input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>labels</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>X = A[0], the input</source>
        <translation>X = A[0]，即输入</translation>
    </message>
    <message>
        <source>Y, the labels</source>
        <translation>Y，即标签</translation>
    </message>
    <message>
        <source>{array}: {n} rows</source>
        <translation>{array}：{n} 行</translation>
    </message>
    <message>
        <source>{array} shape {shape}</source>
        <translation>{array} 形状 {shape}</translation>
    </message>
    <message>
        <source>{array} has no {column}</source>
        <translation>{array} 没有 {column}</translation>
    </message>
    <message>
        <source>layer {l}</source>
        <translation>第 {l} 层</translation>
    </message>
    <message>
        <source>n[{l}] = {n} units</source>
        <translation>n[{l}] = {n} 个单元</translation>
    </message>
    <message>
        <source>g[{l}] = {g}</source>
        <translation>g[{l}] = {g}</translation>
    </message>
    <message>
        <source>{count} parameters in layer {l}</source>
        <translation>第 {l} 层有 {count} 个参数</translation>
    </message>
    <message>
        <source>{array}[{l}] shape {shape}</source>
        <translation>{array}[{l}] 形状 {shape}</translation>
    </message>
    <message>
        <source>X = A[0]: {shape}, the inputs with one sample per column — n[0] = {n} features by m = {m} training samples. X is data, not a layer: it has no W or b.</source>
        <translation>X = A[0]：{shape}，输入数据，每个样本一列——n[0] = {n} 个特征 × m = {m} 个训练样本。X 是数据，不是层：它没有 W 和 b。</translation>
    </message>
    <message>
        <source>Its rows are the chosen input features: {names}.</source>
        <translation>它的各行是所选的输入特征：{names}。</translation>
    </message>
    <message>
        <source>Y: {shape}, the labels, one column per sample — the same shape as the output Ŷ = A[L], so the loss can compare them column by column.</source>
        <translation>Y：{shape}，标签，每个样本一列——与输出 Ŷ = A[L] 形状相同，这样损失函数可以逐列比较它们。</translation>
    </message>
    <message>
        <source>Layer {l}: W[{l}], b[{l}], Z[{l}] and A[{l}] belong to it.</source>
        <translation>第 {l} 层：W[{l}]、b[{l}]、Z[{l}] 和 A[{l}] 都属于它。</translation>
    </message>
    <message>
        <source>n[{l}] = {n} units in layer {l}.</source>
        <translation>第 {l} 层有 n[{l}] = {n} 个单元。</translation>
    </message>
    <message>
        <source>A[{l}] = {g}(Z[{l}]), applied to each entry.</source>
        <translation>A[{l}] = {g}(Z[{l}])，作用于每个元素。</translation>
    </message>
    <message>
        <source>W[{l}]: {shape} = (n[{l}], n[{p}]): one row per unit of layer {l}, one column per unit of the layer before. W has no m: every sample is multiplied by the same weights.</source>
        <translation>W[{l}]：{shape} = (n[{l}], n[{p}])：第 {l} 层的每个单元一行，上一层的每个单元一列。W 的维度里没有 m：每个样本都乘以同样的权重。</translation>
    </message>
    <message>
        <source>b[{l}]: {shape} = (n[{l}], 1): one bias per unit. W[{l}]·A[{p}] is ({n}, {m}); adding b broadcasts its single column to all m = {m} columns, so every sample gets the same bias.</source>
        <translation>b[{l}]：{shape} = (n[{l}], 1)：每个单元一个偏置。W[{l}]·A[{p}] 是 ({n}, {m})；加上 b 时，它唯一的一列会广播到全部 m = {m} 列，所以每个样本得到相同的偏置。</translation>
    </message>
    <message>
        <source>Z[{l}] = W[{l}]·A[{p}] + b[{l}]: ({n}, {q})·({q}, {m}) → {shape}, one column per training sample.</source>
        <translation>Z[{l}] = W[{l}]·A[{p}] + b[{l}]：({n}, {q})·({q}, {m}) → {shape}，每个训练样本一列。</translation>
    </message>
    <message>
        <source>A[{l}] = {g}(Z[{l}]): {shape}, the same shape as Z[{l}] because g works entry by entry.</source>
        <translation>A[{l}] = {g}(Z[{l}])：{shape}，与 Z[{l}] 形状相同，因为 g 是逐元素计算的。</translation>
    </message>
    <message>
        <source>{n}·{q} weights + {n} biases = {count} parameters in layer {l}.</source>
        <translation>{n}·{q} 个权重 + {n} 个偏置 = 第 {l} 层的 {count} 个参数。</translation>
    </message>
    <message>
        <source>D[{l}]: {shape}, while training each entry is 1 with probability keep_prob = {k:g} (else 0); A[{l}] is multiplied by it and divided by {k:g}.</source>
        <translation>D[{l}]：{shape}，训练时每个元素以 keep_prob = {k:g} 的概率为 1（否则为 0）；A[{l}] 乘以它再除以 {k:g}。</translation>
    </message>
    <message>
        <source>Layer {l} drops no units (keep_prob = 1): no mask.</source>
        <translation>第 {l} 层不丢弃任何单元（keep_prob = 1）：没有掩码。</translation>
    </message>
    <message>
        <source>{g}[{l}]: {shape}, the gradient of the cost J with respect to {a}[{l}]. It has the shape of {a}[{l}], so gradient descent can subtract α·{g}[{l}] entry by entry.</source>
        <translation>{g}[{l}]：{shape}，代价 J 对 {a}[{l}] 的梯度。它与 {a}[{l}] 形状相同，所以梯度下降可以逐元素减去 α·{g}[{l}]。</translation>
    </message>
    <message>
        <source>Layer {l} is not normalised: no γ or β.</source>
        <translation>第 {l} 层没有批归一化：没有 γ 和 β。</translation>
    </message>
    <message>
        <source>γ[{l}]: {shape} = (n[{l}], 1), one scale per unit: Z̃[{l}] = γ[{l}]·Z_norm[{l}] + β[{l}], broadcast over the m columns like b. It starts at 1.</source>
        <translation>γ[{l}]：{shape} = (n[{l}], 1)，每个单元一个缩放系数：Z̃[{l}] = γ[{l}]·Z_norm[{l}] + β[{l}]，像 b 一样广播到 m 列。初始值为 1。</translation>
    </message>
    <message>
        <source>β[{l}]: {shape} = (n[{l}], 1), one shift per unit. Normalising Z[{l}] removes any constant, so b[{l}] would do nothing: β[{l}] takes its place and b[{l}] stays 0.</source>
        <translation>β[{l}]：{shape} = (n[{l}], 1)，每个单元一个平移量。归一化 Z[{l}] 会消去任何常数，所以 b[{l}] 不起作用：β[{l}] 取代它，b[{l}] 保持为 0。</translation>
    </message>
</context>
<context>
    <name>Examples</name>
    <message>
        <source>The course&apos;s planar flower: one hidden layer of 4 tanh units, sigmoid output</source>
        <translation>课程中的平面花朵：一个 4 单元 tanh 隐层，sigmoid 输出</translation>
    </message>
    <message>
        <source>Three spiral arms need depth: three ReLU layers trained with Adam in mini-batches</source>
        <translation>三条螺旋臂需要深度：三个 ReLU 层，用 Adam 和小批量训练</translation>
    </message>
    <message>
        <source>Three clouds of points, one softmax unit per class, trained with momentum</source>
        <translation>三团点，每个类别一个 softmax 单元，用动量法训练</translation>
    </message>
    <message>
        <source>Regression: fit y = sin(x) with two tanh layers and a linear output</source>
        <translation>回归：用两个 tanh 层和线性输出拟合 y = sin(x)</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>Save the plot as .png or .svg.</source>
        <translation>请把图保存为 .png 或 .svg。</translation>
    </message>
    <message>
        <source>the plot could not be written to {path}</source>
        <translation>无法把图写入 {path}</translation>
    </message>
    <message>
        <source>A plot exported from NN Studio</source>
        <translation>从 NN Studio 导出的图</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>{what} could not be saved: {reason}. Choose another folder or file name.</source>
        <translation>无法保存{what}：{reason}。请选择其他文件夹或文件名。</translation>
    </message>
    <message>
        <source>Export plot</source>
        <translation>导出图</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>PNG 图像 (*.png);;SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <source>The plot</source>
        <translation>图</translation>
    </message>
    <message>
        <source>Export training history</source>
        <translation>导出训练历史</translation>
    </message>
    <message>
        <source>CSV file (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>The history</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <source>Export runs</source>
        <translation>导出训练记录</translation>
    </message>
    <message>
        <source>The runs</source>
        <translation>训练记录</translation>
    </message>
    <message>
        <source>Export as NumPy script</source>
        <translation>导出为 NumPy 脚本</translation>
    </message>
    <message>
        <source>Python script (*.py)</source>
        <translation>Python 脚本 (*.py)</translation>
    </message>
    <message>
        <source>The script</source>
        <translation>脚本</translation>
    </message>
</context>
<context>
    <name>ExportScript</name>
    <message>
        <source>a {name!r} output layer cannot be exported to a script yet</source>
        <translation>还不能把 {name!r} 输出层导出为脚本</translation>
    </message>
</context>
<context>
    <name>FeatureChecks</name>
    <message>
        <source>Features the network sees:</source>
        <translation>网络看到的特征：</translation>
    </message>
    <message>
        <source>One input unit per checked feature, computed from x₁ and x₂ (after standardising), so n[0] is the number of checked boxes. The decision boundary is still drawn over x₁ and x₂.</source>
        <translation>每个勾选的特征对应一个输入单元，由 x₁ 和 x₂（标准化之后）计算得到，所以 n[0] 等于勾选的个数。决策边界仍然画在 x₁、x₂ 平面上。</translation>
    </message>
    <message>
        <source>Input feature {name}</source>
        <translation>输入特征 {name}</translation>
    </message>
    <message>
        <source>Input features like x₁² are made from two inputs, x₁ and x₂; this data has {n}, so the network sees them as they are.</source>
        <translation>像 x₁² 这样的输入特征由 x₁ 和 x₂ 两个输入构成；这份数据有 {n} 个输入，所以网络直接使用它们。</translation>
    </message>
    <message>
        <source>Feed the network {name} itself, as in the data.</source>
        <translation>把数据中的 {name} 原样输入网络。</translation>
    </message>
    <message>
        <source>Feed the network {name}, computed from x₁ and x₂: with such features even a network without hidden layers can draw a curved boundary.</source>
        <translation>把由 x₁ 和 x₂ 计算出的 {name} 输入网络：有了这样的特征，即使没有隐藏层的网络也能画出弯曲的边界。</translation>
    </message>
    <message>
        <source>At least one feature must stay checked: the network needs an input.</source>
        <translation>至少要保留一个勾选的特征：网络需要输入。</translation>
    </message>
    <message>
        <source>Input features {names}</source>
        <translation>输入特征 {names}</translation>
    </message>
</context>
<context>
    <name>Features</name>
    <message>
        <source>choose at least one input feature: the network needs an input</source>
        <translation>请至少选择一个输入特征：网络需要输入</translation>
    </message>
    <message>
        <source>{key!r} is not an input feature; the features are {known}</source>
        <translation>{key!r} 不是输入特征；可用的特征是 {known}</translation>
    </message>
    <message>
        <source>the input feature {key!r} is chosen twice</source>
        <translation>输入特征 {key!r} 被选了两次</translation>
    </message>
    <message>
        <source>the input features must be listed in the order {order}</source>
        <translation>输入特征必须按 {order} 的顺序列出</translation>
    </message>
    <message>
        <source>input features are made from 2 inputs, X (2, m); got X {shape}</source>
        <translation>输入特征由 2 个输入 X (2, m) 构成；得到的 X 形状为 {shape}</translation>
    </message>
</context>
<context>
    <name>FileController</name>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <source>Start again from the 2-layer network on the flower data</source>
        <translation>从花朵数据上的 2 层网络重新开始</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a saved model: its network, weights, data, settings and cost curve</source>
        <translation>打开保存的模型：网络、权重、数据、设置和代价曲线</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save the model so you can reopen it, share it and continue training</source>
        <translation>保存模型，以便以后重新打开、分享或继续训练</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>Save the model in a new file</source>
        <translation>把模型保存到一个新文件</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Clear Menu</source>
        <translation>清除菜单(&amp;C)</translation>
    </message>
    <message>
        <source>Forget the recently opened files (the files stay where they are)</source>
        <translation>忘掉最近打开的文件（文件本身仍在原处）</translation>
    </message>
    <message>
        <source>&amp;Examples</source>
        <translation>示例(&amp;E)</translation>
    </message>
    <message>
        <source>Planar flower: 4 tanh units</source>
        <translation>平面花朵：4 个 tanh 单元</translation>
    </message>
    <message>
        <source>Spiral: a deep ReLU network</source>
        <translation>螺旋：深层 ReLU 网络</translation>
    </message>
    <message>
        <source>Blobs: softmax over three classes</source>
        <translation>高斯团：三个类别上的 softmax</translation>
    </message>
    <message>
        <source>Sine: regression with a linear output</source>
        <translation>正弦：线性输出的回归</translation>
    </message>
    <message>
        <source>{name}[*] — NN Studio</source>
        <translation>{name}[*] — NN Studio</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>“{name}” has changes that are not saved. Save them first? If you discard them, the network, its weights and its cost curve are lost.</source>
        <translation>“{name}”有尚未保存的更改。要先保存吗？如果放弃，网络、它的权重和代价曲线都会丢失。</translation>
    </message>
    <message>
        <source>Stop training first.</source>
        <translation>请先停止训练。</translation>
    </message>
    <message>
        <source>A new model: the flower data and a 2-layer network.</source>
        <translation>新模型：花朵数据和一个 2 层网络。</translation>
    </message>
    <message>
        <source>Open model</source>
        <translation>打开模型</translation>
    </message>
    <message>
        <source>NN Studio model or ONNX network (*.nnstudio *.onnx);;All files (*)</source>
        <translation>NN Studio 模型或 ONNX 网络 (*.nnstudio *.onnx);;所有文件 (*)</translation>
    </message>
    <message>
        <source>{name} (example)</source>
        <translation>{name}（示例）</translation>
    </message>
    <message>
        <source>Opened {file}.</source>
        <translation>已打开 {file}。</translation>
    </message>
    <message>
        <source>Opened {file}</source>
        <translation>已打开 {file}</translation>
    </message>
    <message>
        <source>Save model as</source>
        <translation>模型另存为</translation>
    </message>
    <message>
        <source>NN Studio model (*.nnstudio)</source>
        <translation>NN Studio 模型 (*.nnstudio)</translation>
    </message>
    <message>
        <source>Saved {file}.</source>
        <translation>已保存 {file}。</translation>
    </message>
    <message>
        <source>.</source>
        <comment>the full stop that ends a sentence</comment>
        <translation>。</translation>
    </message>
    <message>
        <source>Cannot open {file}</source>
        <translation>无法打开 {file}</translation>
    </message>
    <message>
        <source>Cannot open “{file}”: {reason}</source>
        <translation>无法打开“{file}”：{reason}</translation>
    </message>
    <message>
        <source>The current model was kept.</source>
        <translation>当前模型保持不变。</translation>
    </message>
    <message>
        <source>Cannot save {file}</source>
        <translation>无法保存 {file}</translation>
    </message>
    <message>
        <source>Cannot save “{file}”: {reason}</source>
        <translation>无法保存“{file}”：{reason}</translation>
    </message>
    <message>
        <source>Your model is still open and nothing was overwritten.</source>
        <translation>你的模型仍然打开着，没有覆盖任何文件。</translation>
    </message>
</context>
<context>
    <name>Form</name>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Item to export:</source>
        <translation>要导出的项：</translation>
    </message>
    <message>
        <source>Export format</source>
        <translation>导出格式</translation>
    </message>
    <message>
        <source>Export options</source>
        <translation>导出选项</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Power Spectrum (FFT)</source>
        <translation>功率谱（FFT）</translation>
    </message>
    <message>
        <source>Log X</source>
        <translation>X 对数坐标</translation>
    </message>
    <message>
        <source>Log Y</source>
        <translation>Y 对数坐标</translation>
    </message>
    <message>
        <source>dy/dx</source>
        <translation>dy/dx</translation>
    </message>
    <message>
        <source>Y vs. Y&apos;</source>
        <translation>Y 对 Y&apos;</translation>
    </message>
    <message>
        <source>Subtract Mean</source>
        <translation>减去均值</translation>
    </message>
    <message>
        <source>Downsample</source>
        <translation>降采样</translation>
    </message>
    <message>
        <source>Auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Subsample</source>
        <translation>抽样</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>均值</translation>
    </message>
    <message>
        <source>Peak</source>
        <translation>峰值</translation>
    </message>
    <message>
        <source>Clip to View</source>
        <translation>只画可见部分</translation>
    </message>
    <message>
        <source>Max Traces:</source>
        <translation>最多曲线数：</translation>
    </message>
    <message>
        <source>Forget hidden traces</source>
        <translation>丢弃隐藏的曲线</translation>
    </message>
    <message>
        <source>Average</source>
        <translation>平均</translation>
    </message>
    <message>
        <source>Alpha</source>
        <translation>透明度</translation>
    </message>
    <message>
        <source>Show X Grid</source>
        <translation>显示 X 网格</translation>
    </message>
    <message>
        <source>Show Y Grid</source>
        <translation>显示 Y 网格</translation>
    </message>
    <message>
        <source>Opacity</source>
        <translation>不透明度</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>数据点</translation>
    </message>
    <message>
        <source>Link Axis:</source>
        <translation>关联坐标轴：</translation>
    </message>
    <message>
        <source>Manual</source>
        <translation>手动</translation>
    </message>
    <message>
        <source>Visible Data Only</source>
        <translation>仅可见数据</translation>
    </message>
    <message>
        <source>Auto Pan Only</source>
        <translation>仅自动平移</translation>
    </message>
    <message>
        <source>Mouse Enabled</source>
        <translation>启用鼠标</translation>
    </message>
    <message>
        <source>Invert Axis</source>
        <translation>反转坐标轴</translation>
    </message>
</context>
<context>
    <name>GoToMenu</name>
    <message>
        <source>&amp;Next view</source>
        <translation>下一个视图(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Previous view</source>
        <translation>上一个视图(&amp;P)</translation>
    </message>
</context>
<context>
    <name>GradientCheckDialog</name>
    <message>
        <source>Gradient check</source>
        <translation>梯度检验</translation>
    </message>
    <message>
        <source>For every parameter θ the numerical gradient is (J(θ + ε) − J(θ − ε)) / 2ε. The relative difference ‖dθ_backprop − dθ_numeric‖ / (‖dθ_backprop‖ + ‖dθ_numeric‖) is below 10⁻⁷ when back propagation is right.</source>
        <translation>对每个参数 θ，数值梯度为 (J(θ + ε) − J(θ − ε)) / 2ε。反向传播正确时，相对差 ‖dθ_backprop − dθ_numeric‖ / (‖dθ_backprop‖ + ‖dθ_numeric‖) 小于 10⁻⁷。</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数数</translation>
    </message>
    <message>
        <source>Relative difference</source>
        <translation>相对差</translation>
    </message>
    <message>
        <source>The difference over the weights W[l] and biases b[l] of each layer. A bug in one layer&apos;s back propagation shows up as a large difference in that layer and the layers before it, since their gradients are computed from it.</source>
        <translation>每一层的权重 W[l] 和偏置 b[l] 上的差。某一层的反向传播有错误时，这一层以及它之前的各层都会出现很大的差，因为它们的梯度是由它算出来的。</translation>
    </message>
    <message>
        <source>Check on {n} samples</source>
        <translation>在 {n} 个样本上检验</translation>
    </message>
    <message>
        <source>Back propagation is either right or wrong whatever the data: a few samples are enough to test it, and make the check much faster.</source>
        <translation>无论数据是什么，反向传播要么对、要么错：几个样本就足以检验它，还能让检验快得多。</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>再次检验</translation>
    </message>
    <message>
        <source>Run the numerical check again.</source>
        <translation>重新运行数值检验。</translation>
    </message>
    <message>
        <source>{P} parameters, {m} samples: {passes} forward passes.</source>
        <translation>{P} 个参数，{m} 个样本：{passes} 次前向传播。</translation>
    </message>
    <message>
        <source>The gradient check is for small networks. This one has {P} parameters, and the check runs two forward passes for each of them. Build a small copy of your network (say 2–3 layers of a few units) to test back propagation, then train the large one.</source>
        <translation>梯度检验适用于小网络。这个网络有 {P} 个参数，而检验要为每个参数做两次前向传播。请搭建一个网络的小型副本（比如 2–3 层、每层几个单元）来检验反向传播，然后再训练大网络。</translation>
    </message>
    <message>
        <source>The gradient check is for small networks: with {P} parameters and {m} samples it would take a long time. Check on {n} samples instead — that is enough to tell whether back propagation is right.</source>
        <translation>梯度检验适用于小网络：有 {P} 个参数和 {m} 个样本时会花很长时间。请改为在 {n} 个样本上检验——这足以判断反向传播是否正确。</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在检验…</translation>
    </message>
    <message>
        <source>The check could not run: {error}</source>
        <translation>无法运行检验：{error}</translation>
    </message>
    <message>
        <source>The check ran with dropout off, as the course does: a new random mask at every evaluation of J would make the numerical gradient meaningless.</source>
        <translation>与课程一样，检验时关闭了随机失活：每次计算 J 都抽取新的随机掩码会使数值梯度失去意义。</translation>
    </message>
    <message>
        <source>✓ Back propagation is correct: it agrees with the numerical gradient.</source>
        <translation>✓ 反向传播正确：它与数值梯度一致。</translation>
    </message>
    <message>
        <source>≈ Close, but not exact. With ReLU or leaky ReLU this can happen when some z is within ε of 0, where the function has a kink; otherwise look for a small error.</source>
        <translation>≈ 接近，但不完全一致。使用 ReLU 或 leaky ReLU 时，如果某个 z 离 0 不到 ε（函数在那里有个折点），就可能出现这种情况；否则请查找一个小错误。</translation>
    </message>
    <message>
        <source>✗ Back propagation disagrees with the numerical gradient: there is a bug in the gradients of the layers marked ✗.</source>
        <translation>✗ 反向传播与数值梯度不一致：标有 ✗ 的层的梯度有错误。</translation>
    </message>
    <message>
        <source>{mark} layer {l}</source>
        <translation>{mark} 第 {l} 层</translation>
    </message>
    <message>
        <source>on {n} samples</source>
        <translation>（{n} 个样本）</translation>
    </message>
    <message>
        <source>on all {m} samples</source>
        <translation>（全部 {m} 个样本）</translation>
    </message>
    <message>
        <source>Overall relative difference {where}: {d}</source>
        <translation>总体相对差{where}：{d}</translation>
    </message>
</context>
<context>
    <name>GradientFlowView</name>
    <message>
        <source>iteration</source>
        <translation>迭代次数</translation>
    </message>
    <message>
        <source>‖dW[l]‖ (log scale)</source>
        <translation>‖dW[l]‖（对数刻度）</translation>
    </message>
    <message>
        <source>The size ‖dW[l]‖ of each layer&apos;s weight gradient as training goes on. Back propagation multiplies by W[l]ᵀ and g′(Z[l]) once per layer on its way to layer 1: when those factors are small (sigmoid: g′ ≤ 1/4) the early layers get tiny gradients and barely learn (vanishing gradients); when they are large the gradients explode. Curves that stay close together are healthy.</source>
        <translation>训练过程中各层权重梯度的大小 ‖dW[l]‖。反向传播在通往第 1 层的路上，每经过一层就乘一次 W[l]ᵀ 和 g′(Z[l])：这些因子较小时（sigmoid：g′ ≤ 1/4），靠前的层只得到极小的梯度，几乎学不到东西（梯度消失）；因子较大时，梯度会爆炸。曲线彼此靠近说明状态良好。</translation>
    </message>
    <message>
        <source>What the latest gradients say, comparing layer 1 with the later layers.</source>
        <translation>最近的梯度说明了什么：把第 1 层与后面的层相比较。</translation>
    </message>
    <message>
        <source>Vanishing gradients: layer 1 gets about {r} of the gradient of a later layer, so the first layers hardly learn. Try ReLU in the hidden layers, He or Xavier initialisation, or fewer layers.</source>
        <translation>梯度消失：第 1 层得到的梯度只有后面某一层的约 {r}，所以前面几层几乎学不到东西。请在隐层试试 ReLU、He 或 Xavier 初始化，或减少层数。</translation>
    </message>
    <message>
        <source>Exploding gradients: some ‖dW[l]‖ is very large. Lower the learning rate, or start from smaller weights (Xavier or He initialisation).</source>
        <translation>梯度爆炸：某个 ‖dW[l]‖ 非常大。请降低学习率，或从更小的权重开始（Xavier 或 He 初始化）。</translation>
    </message>
    <message>
        <source>All gradients are tiny: training has converged, or it is stuck on a plateau.</source>
        <translation>所有梯度都极小：训练已经收敛，或卡在了平台上。</translation>
    </message>
    <message>
        <source>The gradients reach every layer: no sign of vanishing or exploding.</source>
        <translation>梯度能到达每一层：没有梯度消失或爆炸的迹象。</translation>
    </message>
    <message>
        <source>Train the network to see how large each layer&apos;s gradient is.</source>
        <translation>训练网络，就能看到每一层的梯度有多大。</translation>
    </message>
</context>
<context>
    <name>GraphicsScene</name>
    <message>
        <source>Export...</source>
        <translation>导出…</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <source>Guide: forward and back propagation</source>
        <translation>指南：前向传播与反向传播</translation>
    </message>
    <message>
        <source>&lt;h1&gt;Forward and back propagation, step by step&lt;/h1&gt;</source>
        <translation>&lt;h1&gt;前向传播与反向传播，一步一步来&lt;/h1&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;This guide follows the first network of the deeplearning.ai course: the flower data set (m = 400 points, two features each, coloured red or blue) and a 2-layer network with 4 tanh units and one sigmoid output. Every picture below is one of NN Studio&apos;s own views, drawn just now.&lt;/p&gt;</source>
        <translation>&lt;p&gt;这份指南沿用 deeplearning.ai 课程中的第一个网络：花朵数据集（m = 400 个点，每个点两个特征，颜色为红或蓝）和一个 2 层网络——4 个 tanh 单元的隐层加一个 sigmoid 输出。下面的每张图都是 NN Studio 自己的视图，刚刚画出来的。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h2&gt;1. The shapes&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;1. 形状&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;The samples are the &lt;b&gt;columns&lt;/b&gt; of X = A{s0}: X has shape (n{s0}, m) = (2, 400). Layer l has n{sl} units, a weight matrix W{sl} of shape (n{sl}, n{slm}) and a bias b{sl} of shape (n{sl}, 1). W and b have no m: every sample goes through the same parameters. The input does not count as a layer, so a network with one hidden layer is a 2-layer network.&lt;/p&gt;</source>
        <translation>&lt;p&gt;样本是 X = A{s0} 的&lt;b&gt;列&lt;/b&gt;：X 的形状是 (n{s0}, m) = (2, 400)。第 l 层有 n{sl} 个单元，一个形状为 (n{sl}, n{slm}) 的权重矩阵 W{sl}，和一个形状为 (n{sl}, 1) 的偏置 b{sl}。W 和 b 的维度里没有 m：每个样本都经过同一套参数。输入不算一层，所以有一个隐层的网络是 2 层网络。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h2&gt;2. Forward propagation&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;2. 前向传播&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Each layer does two things. First a linear step, &lt;span class=&quot;formula&quot;&gt;Z{sl} = W{sl}·A{slm} + b{sl}&lt;/span&gt;: a matrix product that handles all m samples at once, plus the bias added to every column. The shapes must fit: (n{sl}, n{slm})·(n{slm}, m) gives (n{sl}, m).&lt;/p&gt;</source>
        <translation>&lt;p&gt;每一层做两件事。首先是线性部分，&lt;span class=&quot;formula&quot;&gt;Z{sl} = W{sl}·A{slm} + b{sl}&lt;/span&gt;：一次矩阵乘法同时处理全部 m 个样本，再把偏置加到每一列上。形状必须对得上：(n{sl}, n{slm})·(n{slm}, m) 得到 (n{sl}, m)。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Then the activation, &lt;span class=&quot;formula&quot;&gt;A{sl} = g{sl}(Z{sl})&lt;/span&gt;, applied to every entry on its own. Without it, stacking layers would still give a linear function. The last layer&apos;s A{sL} is the prediction Ŷ: for the flower, the probability that a point is blue.&lt;/p&gt;</source>
        <translation>&lt;p&gt;然后是激活函数，&lt;span class=&quot;formula&quot;&gt;A{sl} = g{sl}(Z{sl})&lt;/span&gt;，独立作用于每个元素。没有它，层叠得再多也还是一个线性函数。最后一层的 A{sL} 就是预测值 Ŷ：对花朵数据来说，就是一个点为蓝色的概率。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h2&gt;3. The cost&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;3. 代价&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;The cost J measures how wrong the predictions are, averaged over the m samples. For a sigmoid output it is the cross-entropy J = −(1/m) Σ [y log ŷ + (1 − y) log(1 − ŷ)]. With small random weights every prediction is close to 0.5, so J starts near log 2 ≈ 0.693.&lt;/p&gt;</source>
        <translation>&lt;p&gt;代价 J 衡量预测错得有多离谱，在 m 个样本上取平均。对于 sigmoid 输出，它是交叉熵 J = −(1/m) Σ [y log ŷ + (1 − y) log(1 − ŷ)]。权重是很小的随机数时，每个预测都接近 0.5，所以 J 从 log 2 ≈ 0.693 附近开始。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h2&gt;4. Back propagation&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;4. 反向传播&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Now we go backwards, from the output to layer 1, asking how J changes when each number changes. For the output layer the answer is simple: &lt;span class=&quot;formula&quot;&gt;dZ{sL} = A{sL} − Y&lt;/span&gt;, prediction minus label.&lt;/p&gt;</source>
        <translation>&lt;p&gt;现在我们反过来，从输出层走到第 1 层，问每个数变化时 J 会怎样变化。输出层的答案很简单：&lt;span class=&quot;formula&quot;&gt;dZ{sL} = A{sL} − Y&lt;/span&gt;，预测值减去标签。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;From dZ{sl} come the gradients of the parameters, averaged over the samples: &lt;span class=&quot;formula&quot;&gt;dW{sl} = (1/m) dZ{sl}·A{slm}ᵀ&lt;/span&gt; and &lt;span class=&quot;formula&quot;&gt;db{sl} = (1/m) Σ dZ{sl}&lt;/span&gt; (a sum over the columns). Each gradient has exactly the shape of its parameter — a quick check that the formula is right. The error then flows back through the same weights, &lt;span class=&quot;formula&quot;&gt;dA{slm} = W{sl}ᵀ·dZ{sl}&lt;/span&gt;, and through the activation, &lt;span class=&quot;formula&quot;&gt;dZ{slm} = dA{slm} ⊙ g′(Z{slm})&lt;/span&gt;, where ⊙ multiplies entry by entry. That is the chain rule, one layer at a time.&lt;/p&gt;</source>
        <translation>&lt;p&gt;由 dZ{sl} 得到参数的梯度，在样本上取平均：&lt;span class=&quot;formula&quot;&gt;dW{sl} = (1/m) dZ{sl}·A{slm}ᵀ&lt;/span&gt; 和 &lt;span class=&quot;formula&quot;&gt;db{sl} = (1/m) Σ dZ{sl}&lt;/span&gt;（对各列求和）。每个梯度的形状都与它的参数完全相同——这是检查公式是否正确的简便方法。然后误差经由同样的权重反向流动，&lt;span class=&quot;formula&quot;&gt;dA{slm} = W{sl}ᵀ·dZ{sl}&lt;/span&gt;，再经过激活函数，&lt;span class=&quot;formula&quot;&gt;dZ{slm} = dA{slm} ⊙ g′(Z{slm})&lt;/span&gt;，其中 ⊙ 表示逐元素相乘。这就是链式法则，一次一层。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h2&gt;5. Gradient descent&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;5. 梯度下降&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Finally every parameter takes a small step downhill: &lt;span class=&quot;formula&quot;&gt;W{sl} := W{sl} − α dW{sl}&lt;/span&gt;, &lt;span class=&quot;formula&quot;&gt;b{sl} := b{sl} − α db{sl}&lt;/span&gt;. The learning rate α sets the step size: too small and training crawls, too large and the cost jumps around or explodes. Training repeats steps 2 to 5 thousands of times.&lt;/p&gt;</source>
        <translation>&lt;p&gt;最后，每个参数都向下坡迈出一小步：&lt;span class=&quot;formula&quot;&gt;W{sl} := W{sl} − α dW{sl}&lt;/span&gt;，&lt;span class=&quot;formula&quot;&gt;b{sl} := b{sl} − α db{sl}&lt;/span&gt;。学习率 α 决定步长：太小则训练很慢，太大则代价来回跳动甚至爆炸。训练就是把第 2 到第 5 步重复成千上万次。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p class=&quot;note&quot;&gt;You can do all of this yourself in the step-through view: press Next ▸ to go from one formula to the next and watch the layer light up in the network diagram.&lt;/p&gt;</source>
        <translation>&lt;p class=&quot;note&quot;&gt;这一切你都可以在逐步查看视图中亲手完成：按“下一步 ▸”从一个公式走到下一个公式，同时看网络图中对应的层亮起来。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h2&gt;6. Looking inside a layer&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;6. 观察一层的内部&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;The matrix inspector shows W, b, Z, A, dW and db of a layer as heatmaps: blue for positive numbers, orange for negative ones. Move the mouse over a cell to read its row, column and value. Z and A have one column per sample.&lt;/p&gt;</source>
        <translation>&lt;p&gt;矩阵查看器把一层的 W、b、Z、A、dW 和 db 显示为热图：蓝色表示正数，橙色表示负数。把鼠标移到某个格子上，可以读出它的行、列和数值。Z 和 A 每个样本一列。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h2&gt;7. When the gradient does not reach the first layers&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;7. 梯度到不了前面几层时&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Each layer of back propagation multiplies by g′(Z). The sigmoid&apos;s slope is at most 1/4, so in a deep sigmoid network the gradient shrinks layer after layer: below, ‖dW{s1}‖ of a 7-layer sigmoid network is far smaller than the last layer&apos;s, and its first layers hardly learn. ReLU (slope 1 for z &amp;gt; 0) and a good initialisation keep the gradient alive. Watch the gradient flow view while you train.&lt;/p&gt;</source>
        <translation>&lt;p&gt;反向传播每经过一层就要乘以 g′(Z)。sigmoid 的斜率最多是 1/4，所以在深层 sigmoid 网络中，梯度一层比一层小：下图中，7 层 sigmoid 网络的 ‖dW{s1}‖ 远小于最后一层的，它的前几层几乎学不到东西。ReLU（z &amp;gt; 0 时斜率为 1）和好的初始化能让梯度保持活力。训练时请留意梯度流视图。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h2&gt;14. Things to try&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;14. 动手试试&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>&lt;h2&gt;13. Tuning hyperparameters&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;13. 调节超参数&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;The learning rate α, the L2 λ and the number of hidden units are &lt;b&gt;hyperparameters&lt;/b&gt;: gradient descent does not learn them, you choose them. The course&apos;s advice is to try values &lt;b&gt;at random&lt;/b&gt; rather than on a grid: with 25 runs on a 5 × 5 grid over two settings you see only 5 values of each, while 25 random runs try 25 values of each, and usually only one of the two matters much.&lt;/p&gt;</source>
        <translation>&lt;p&gt;学习率 α、L2 的 λ 和隐藏单元数都是&lt;b&gt;超参数&lt;/b&gt;：梯度下降不会学习它们，要由你来选。课程的建议是&lt;b&gt;随机&lt;/b&gt;取值，而不是在网格上取值：在两个设置的 5 × 5 网格上做 25 次训练，每个设置只试了 5 个值；而 25 次随机训练让每个设置都试了 25 个值，何况两者之中通常只有一个真正要紧。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Sample on the right &lt;b&gt;scale&lt;/b&gt;. A learning rate between 0.0001 and 1, sampled uniformly, lands between 0.1 and 1 nine times in ten. Sampled on a log scale, &lt;span class=&quot;formula&quot;&gt;α = 10&lt;sup&gt;r&lt;/sup&gt;&lt;/span&gt; with r uniform between −4 and 0, every decade gets as many runs. The same holds for λ. The number of units is a whole number, sampled from its range directly, and dropout&apos;s keep_prob is sampled uniformly, by default between 0.5 and 1.&lt;/p&gt;</source>
        <translation>&lt;p&gt;要在合适的&lt;b&gt;尺度&lt;/b&gt;上取样。在 0.0001 到 1 之间均匀地取学习率，十次里有九次落在 0.1 到 1 之间。在对数尺度上取样，即 &lt;span class=&quot;formula&quot;&gt;α = 10&lt;sup&gt;r&lt;/sup&gt;&lt;/span&gt;、r 在 −4 到 0 之间均匀取值，每个数量级得到的训练次数一样多。λ 也是如此。单元数是整数，直接在其范围内取；随机失活的 keep_prob 则均匀取样，默认在 0.5 到 1 之间。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;The Tuning view does this: tick the hyperparameters, give their ranges, the number of runs, the epochs of each (short runs are enough to tell a good value from a bad one) and a seed (the same seed samples the same values again), then press Start. Each run trains a copy of your network from fresh initial weights on the training set, in the background; your own network and settings do not change. Its &lt;b&gt;dev&lt;/b&gt; error decides which values are good: the plot shows it against each sampled value, the table lists the runs from the best. Look for the region where the dev error is low, then search again more finely inside it (coarse to fine). Send best to Compare runs keeps the best runs, named by their values, beside your own.&lt;/p&gt;</source>
        <translation>&lt;p&gt;“调参”视图就做这件事：勾选要搜索的超参数，填好它们的范围、训练次数、每次训练的轮数（短训练已足以分辨好值和坏值）以及随机种子（同一个种子会再次取到同样的值），然后按“开始搜索”。每次训练都在后台用训练集训练你的网络的一个副本，从重新初始化的权重开始；你自己的网络和设置不会改变。由&lt;b&gt;验证集&lt;/b&gt;误差决定哪些值好：图中画出它随每个取样值的变化，表格从最好的一次开始列出各次训练。找出验证误差低的区域，再在其中更细地搜索一次（由粗到细）。“将最佳结果发送到比较训练记录”会把最好的几次训练以其取值命名，保存在你自己的训练记录旁边。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p class=&quot;note&quot;&gt;The dev set chose these values, so its error is now a little optimistic: measure the final network once on the test set.&lt;/p&gt;</source>
        <translation>&lt;p class=&quot;note&quot;&gt;这些值是由验证集选出的，所以它的误差现在略显乐观：请在测试集上对最终的网络评估一次。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Dropout and batch normalisation go along. A hidden layer with keep_prob below 1 gets an nn.Dropout(p = 1 − keep_prob) after its activation: PyTorch&apos;s dropout is inverted too, and network.train(False) turns it off for predictions. A layer with batch norm becomes nn.Linear without a bias followed by nn.BatchNorm1d, which holds γ{sl}, β{sl} and the running mean and variance NN Studio kept; the ONNX file has a BatchNormalization node in the same place, and File → Open reads it back. Learning-rate decay and the order of the mini-batches carry over into continue_training as well.&lt;/p&gt;</source>
        <translation>&lt;p&gt;随机失活和批归一化也一起带走。keep_prob 小于 1 的隐藏层会在激活函数之后加一个 nn.Dropout(p = 1 − keep_prob)：PyTorch 的随机失活同样是反向（inverted）随机失活，network.train(False) 会在预测时把它关掉。使用批归一化的层变成不带偏置的 nn.Linear，后面跟着 nn.BatchNorm1d，其中保存 γ{sl}、β{sl} 以及 NN Studio 记录的均值和方差的滑动平均；ONNX 文件在同一位置有一个 BatchNormalization 节点，“文件 → 打开”也能把它读回来。学习率衰减和小批量的顺序同样会带到 continue_training 中。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h2&gt;8. Train, dev and test sets; bias and variance&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;8. 训练集、验证集和测试集；偏差与方差&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;A network is judged on data it did not learn from. The Data panel splits the samples three ways, at random but with a seed, each class keeping its share in every part: the &lt;b&gt;training set&lt;/b&gt; (the m columns of X that gradient descent sees), the &lt;b&gt;dev set&lt;/b&gt; (held back; the cost and accuracy views draw it beside the training data, and you choose settings by it) and the &lt;b&gt;test set&lt;/b&gt; (kept apart until the end). With a few thousand samples 60 / 20 / 20 % is usual; with millions, 1 % each for dev and test is plenty.&lt;/p&gt;</source>
        <translation>&lt;p&gt;评判一个网络，要用它没有学过的数据。数据面板把样本分成三份，随机但由种子决定，且每个类别在每一份中都保持各自的比例：&lt;b&gt;训练集&lt;/b&gt;（梯度下降看到的 X 的 m 列）、&lt;b&gt;验证集&lt;/b&gt;（留出的样本；代价和准确率视图把它与训练数据并列画出，你据此选择设置）和&lt;b&gt;测试集&lt;/b&gt;（一直单独保留到最后）。样本有几千个时，通常按 60 / 20 / 20 % 划分；样本上百万时，验证集和测试集各占 1 % 就足够了。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Why a test set when there is a dev set? Each time you keep the setting with the lowest dev error, the dev set helps choose the network, and its error becomes a little optimistic. The test set chose nothing: evaluate on it once, at the end (Evaluate on test, in the Bias and variance view), and its error tells how the network will do on new data.&lt;/p&gt;</source>
        <translation>&lt;p&gt;已经有了验证集，为什么还要测试集？每当你保留验证误差最低的那个设置时，验证集就参与了网络的选择，它的误差也就变得略显乐观。测试集没有参与任何选择：只在最后评估一次（在“偏差与方差”视图中点击“在测试集上评估”），它的误差才能说明网络在新数据上的表现。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Then compare the errors. The &lt;b&gt;avoidable bias&lt;/b&gt; is the training error minus the human-level error (how well people do: a stand-in for the lowest error possible, the Bayes error; 0 when unknown). The &lt;b&gt;variance&lt;/b&gt; is the dev error minus the training error. Training error 1 %, dev error 11 %: high variance, the network overfits its training data. Training 15 %, dev 16 %: high bias, it underfits. Training 15 %, dev 30 %: both. Training 0.5 %, dev 1 %: fine. The Bias and variance view names the situation when a run ends; a gap of 2 percentage points or more counts as high. A regression has no error rate, so there the cost J is compared.&lt;/p&gt;</source>
        <translation>&lt;p&gt;然后比较这些误差。&lt;b&gt;可避免偏差&lt;/b&gt;是训练误差减去人类水平误差（人做得有多好：用来近似可能达到的最低误差，即贝叶斯误差；未知时取 0）。&lt;b&gt;方差&lt;/b&gt;是验证误差减去训练误差。训练误差 1 %、验证误差 11 %：高方差，网络过拟合了训练数据。训练 15 %、验证 16 %：高偏差，网络欠拟合。训练 15 %、验证 30 %：两者都有。训练 0.5 %、验证 1 %：良好。“偏差与方差”视图会在每次训练结束时给出结论；差距达到 2 个百分点或以上即算作高。回归没有错误率，因此在回归中比较的是代价 J。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;The course&apos;s recipe: with high bias, try a bigger network (more units or layers), train longer or with a better optimizer, or another architecture, until the training error is good enough. Then, with high variance: more data, regularisation (L2 λ, dropout) or another architecture. Work on the larger gap first. With few samples the dev error is itself noisy: one sample in a dev set of 80 is 1.25 percentage points.&lt;/p&gt;</source>
        <translation>&lt;p&gt;课程的基本方法：高偏差时，试试更大的网络（更多单元或层）、训练更久或换更好的优化器，或换一种网络结构，直到训练误差足够低。然后，高方差时：更多数据、正则化（L2 λ、随机失活）或换一种网络结构。先处理较大的差距。样本很少时，验证误差本身就有噪声：在 80 个样本的验证集中，一个样本就是 1.25 个百分点。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;ul&gt;&lt;li&gt;Train, then change tanh to ReLU and train again: both runs are kept, and Compare runs overlays their cost curves.&lt;/li&gt;&lt;li&gt;Try learning rates 0.01, 1.2 and 10 and look at the cost.&lt;/li&gt;&lt;li&gt;Train → Gradient check compares back propagation with a numerical estimate of every gradient: a good way to convince yourself the formulas above are right.&lt;/li&gt;&lt;li&gt;File → Export → NumPy script writes your trained network as a short Python file you can read line by line — the same forward pass as above.&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;Hover over any control to read what it means.&lt;/p&gt;</source>
        <translation>&lt;ul&gt;&lt;li&gt;训练一次，然后把 tanh 改成 ReLU 再训练一次：两次训练都会保留下来，“比较训练记录”会把它们的代价曲线画在一起。&lt;/li&gt;&lt;li&gt;试试学习率 0.01、1.2 和 10，观察代价的变化。&lt;/li&gt;&lt;li&gt;“训练 → 梯度检验”把反向传播与每个梯度的数值估计相比较：这是让你确信上面的公式正确的好办法。&lt;/li&gt;&lt;li&gt;“文件 → 导出 → 模型（NumPy 脚本）”把训练好的网络写成一个简短的 Python 文件，你可以逐行阅读——它的前向传播和上面讲的一模一样。&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;把鼠标停在任何控件上，都能读到它的含义。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h2&gt;15. Moving on to PyTorch&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;15. 迈向 PyTorch&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;When your networks outgrow NN Studio, take them with you. File → Export → PyTorch script writes a readable Python file and its weights beside it: the layers as an nn.Sequential in the order above, with each layer&apos;s shapes in a comment, and the same standardisation and input features. nn.Linear keeps W{sl} in the course&apos;s shape (n{sl}, n{slm}); only the samples move from the columns to the &lt;b&gt;rows&lt;/b&gt;, so PyTorch computes Z{sl}ᵀ = A{slm}ᵀ·W{sl}ᵀ + b{sl}ᵀ. Run it on a CSV file and it prints the same predictions as NN Studio; its continue_training function trains on with the same cost and optimizer, where loss.backward() does step 4 for you.&lt;/p&gt;&lt;p&gt;File → Export → ONNX writes the network for any runtime that reads ONNX, and File → Open reads back a simple ONNX network trained elsewhere (a chain of fully-connected layers), so you can read its dimension table and step through it on a data set with the same n{s0}.&lt;/p&gt;</source>
        <translation>&lt;p&gt;当你的网络超出 NN Studio 的能力时，可以把它带走。“文件 → 导出 → 模型导出为 PyTorch 脚本”会写出一个易读的 Python 文件，并在旁边保存它的权重：各层按上面的顺序组成一个 nn.Sequential，每层的形状写在注释里，标准化和输入特征也与这里相同。nn.Linear 保持课程中 W{sl} 的形状 (n{sl}, n{slm})；只是样本从&lt;b&gt;列&lt;/b&gt;变成了&lt;b&gt;行&lt;/b&gt;，所以 PyTorch 计算的是 Z{sl}ᵀ = A{slm}ᵀ·W{sl}ᵀ + b{sl}ᵀ。用它处理一个 CSV 文件，打印出的预测与 NN Studio 相同；其中的 continue_training 函数用同样的代价和优化器继续训练，而 loss.backward() 会替你完成第 4 步。&lt;/p&gt;&lt;p&gt;“文件 → 导出 → 模型导出为 ONNX”把网络写成任何支持 ONNX 的运行时都能读取的文件；“文件 → 打开”也能读回在别处训练的简单 ONNX 网络（由全连接层串成的链），让你在 n{s0} 相同的数据集上查看它的维度表并逐步演示。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h2&gt;9. Initialisation&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;9. 初始化&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Where the weights start decides whether a network can learn at all. With &lt;b&gt;zeros&lt;/b&gt; every unit of a layer computes the same Z, gets the same gradient and takes the same step: the symmetry is never broken, and the layer behaves like a single unit however many it has (b may start at 0, W may not). With &lt;b&gt;large&lt;/b&gt; weights (randn × 10) Z is huge, sigmoid and tanh saturate near their limits where g′(Z) ≈ 0, the first cost is very high and the gradients vanish. &lt;b&gt;He&lt;/b&gt; initialisation, &lt;span class=&quot;formula&quot;&gt;W{sl} = randn(n{sl}, n{slm}) · √(2/n{slm})&lt;/span&gt;, keeps the spread of the activations steady from layer to layer for ReLU; &lt;b&gt;Xavier&lt;/b&gt; uses √(1/n{slm}) for tanh.&lt;/p&gt;&lt;p&gt;Try it: choose zeros, large and He in the Initialisation box of the training panel, train each with the same seed and compare the runs.&lt;/p&gt;</source>
        <translation>&lt;p&gt;权重从哪里开始，决定了网络究竟能不能学习。用&lt;b&gt;全零&lt;/b&gt;初始化时，一层中的每个单元计算相同的 Z、得到相同的梯度、走相同的一步：对称性永远不会被打破，无论这一层有多少单元，它都表现得像只有一个单元（b 可以从 0 开始，W 不行）。用&lt;b&gt;很大的&lt;/b&gt;权重（randn × 10）时 Z 非常大，sigmoid 和 tanh 饱和在其极限附近，那里 g′(Z) ≈ 0，最初的代价很高，梯度消失。&lt;b&gt;He&lt;/b&gt; 初始化 &lt;span class=&quot;formula&quot;&gt;W{sl} = randn(n{sl}, n{slm}) · √(2/n{slm})&lt;/span&gt; 让 ReLU 网络中激活值的离散程度在各层之间保持稳定；tanh 则用 &lt;b&gt;Xavier&lt;/b&gt; 的 √(1/n{slm})。&lt;/p&gt;&lt;p&gt;试一试：在训练面板的“初始化”框中分别选择全零、大权重和 He，用相同的种子各训练一次，然后比较这几次训练。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h2&gt;10. Regularisation: L2 and dropout&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;10. 正则化：L2 与随机失活&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;A network with high variance fits its training data too closely. &lt;b&gt;L2 regularisation&lt;/b&gt; adds the size of the weights to the cost, &lt;span class=&quot;formula&quot;&gt;J = (1/m) Σ L(ŷ, y) + λ/(2m) · Σ‖W{sl}‖²&lt;/span&gt; (the Frobenius norm: the sum of the squares of all the entries), so that dW{sl} gains (λ/m)·W{sl} and every update shrinks the weights a little (weight decay). Tick “Data and regularisation terms” in the cost view to see the two parts of J apart.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Dropout&lt;/b&gt; switches units off at random while training. For each hidden layer, every iteration draws a mask &lt;span class=&quot;formula&quot;&gt;D{sl} = (rand(n{sl}, m) &amp;lt; keep_prob)&lt;/span&gt; and keeps only those units: &lt;span class=&quot;formula&quot;&gt;A{sl} = A{sl} ⊙ D{sl} / keep_prob&lt;/span&gt;. Dividing by keep_prob is what makes it &lt;i&gt;inverted&lt;/i&gt; dropout: the expected value of A{sl} stays the same, so prediction uses the whole network without any change. Back propagation drops the same units, dA{sl} = dA{sl} ⊙ D{sl} / keep_prob. No unit can rely on any one input, which spreads out the weights like L2 does. Set keep_prob per hidden layer in the layer editor and watch the mask in the step-through. The gradient check runs with dropout off, as the course does: each new mask would change J.&lt;/p&gt;</source>
        <translation>&lt;p&gt;高方差的网络把训练数据拟合得太紧。&lt;b&gt;L2 正则化&lt;/b&gt;把权重的大小加进代价：&lt;span class=&quot;formula&quot;&gt;J = (1/m) Σ L(ŷ, y) + λ/(2m) · Σ‖W{sl}‖²&lt;/span&gt;（弗罗贝尼乌斯范数：所有元素的平方和），于是 dW{sl} 多出 (λ/m)·W{sl}，每次更新都让权重缩小一点（权重衰减）。在代价视图中勾选“数据项和正则化项”，可以分开看到 J 的两部分。&lt;/p&gt;&lt;p&gt;&lt;b&gt;随机失活&lt;/b&gt;在训练时随机关掉一些单元。对每个隐藏层，每次迭代抽取一个掩码 &lt;span class=&quot;formula&quot;&gt;D{sl} = (rand(n{sl}, m) &amp;lt; keep_prob)&lt;/span&gt;，只保留这些单元：&lt;span class=&quot;formula&quot;&gt;A{sl} = A{sl} ⊙ D{sl} / keep_prob&lt;/span&gt;。除以 keep_prob 使它成为&lt;i&gt;反向&lt;/i&gt;随机失活：A{sl} 的期望值保持不变，所以预测时直接使用整个网络，无需任何改动。反向传播丢弃相同的单元：dA{sl} = dA{sl} ⊙ D{sl} / keep_prob。没有哪个单元能依赖某一个输入，这会像 L2 一样把权重分散开。在层编辑器中为每个隐藏层设置 keep_prob，并在逐步演示中观察掩码。与课程一样，梯度检验在关闭随机失活的情况下进行：每个新掩码都会改变 J。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h2&gt;11. Optimisation&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;11. 优化&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Mini-batches&lt;/b&gt;: instead of all m samples per step, each epoch shuffles the training set and takes steps on batches of, say, 64 samples, so learning starts long before the first pass over the data ends; the cost becomes noisy.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Momentum&lt;/b&gt; steps along a moving average of the gradients, &lt;span class=&quot;formula&quot;&gt;v_dW = β·v_dW + (1 − β)·dW&lt;/span&gt;, &lt;span class=&quot;formula&quot;&gt;W := W − α·v_dW&lt;/span&gt;, which damps the zigzag. &lt;b&gt;RMSprop&lt;/b&gt; divides by the root of a moving average of the squared gradients, &lt;span class=&quot;formula&quot;&gt;s_dW = β·s_dW + (1 − β)·dW²&lt;/span&gt;, &lt;span class=&quot;formula&quot;&gt;W := W − α·dW / (√s_dW + ε)&lt;/span&gt;. &lt;b&gt;Adam&lt;/b&gt; does both and corrects their start at zero, v̂ = v / (1 − β₁ᵗ), ŝ = s / (1 − β₂ᵗ). The Matrices view shows v, s, v̂ and ŝ of each layer after each update.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Learning-rate decay&lt;/b&gt; takes large steps early and smaller ones near the minimum. After each epoch the rate becomes α = α₀ / (1 + decay_rate · epoch_num) (inverse), α₀ / (1 + decay_rate · ⌊epoch_num / time_interval⌋) (scheduled: a drop every time_interval epochs) or α₀ · decay_rate^epoch_num (exponential). Choose it under LR decay in the training panel; the cost view plots the α in use under the cost.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;小批量&lt;/b&gt;：每一步不再用全部 m 个样本，而是每一轮先打乱训练集，再在比如 64 个样本的小批量上走一步，这样在第一次遍历数据结束之前很久就开始学习了；代价曲线会变得有噪声。&lt;/p&gt;&lt;p&gt;&lt;b&gt;动量法&lt;/b&gt;沿梯度的滑动平均前进：&lt;span class=&quot;formula&quot;&gt;v_dW = β·v_dW + (1 − β)·dW&lt;/span&gt;，&lt;span class=&quot;formula&quot;&gt;W := W − α·v_dW&lt;/span&gt;，这能减弱来回摆动。&lt;b&gt;RMSprop&lt;/b&gt; 除以梯度平方的滑动平均的平方根：&lt;span class=&quot;formula&quot;&gt;s_dW = β·s_dW + (1 − β)·dW²&lt;/span&gt;，&lt;span class=&quot;formula&quot;&gt;W := W − α·dW / (√s_dW + ε)&lt;/span&gt;。&lt;b&gt;Adam&lt;/b&gt; 两者兼有，并修正它们从零开始带来的偏差：v̂ = v / (1 − β₁ᵗ)，ŝ = s / (1 − β₂ᵗ)。矩阵视图显示每次更新后各层的 v、s、v̂ 和 ŝ。&lt;/p&gt;&lt;p&gt;&lt;b&gt;学习率衰减&lt;/b&gt;在开始时走大步，在接近最小值时走小步。每一轮之后学习率变为 α = α₀ / (1 + 衰减率 · 轮数)（反比）、α₀ / (1 + 衰减率 · ⌊轮数 / 间隔⌋)（定期：每隔一个间隔的轮数下降一次）或 α₀ · 衰减率^轮数（指数）。在训练面板的“学习率衰减”中选择它；代价视图在代价下方画出所用的 α。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h2&gt;12. Batch normalisation&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;12. 批归一化&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Normalising the inputs speeds up learning; batch norm does the same for the Z of each hidden layer, over the samples of the batch: &lt;span class=&quot;formula&quot;&gt;μ = (1/m) Σ Z{sl}&lt;/span&gt;, &lt;span class=&quot;formula&quot;&gt;σ² = (1/m) Σ (Z{sl} − μ)²&lt;/span&gt;, &lt;span class=&quot;formula&quot;&gt;Z_norm = (Z{sl} − μ) / √(σ² + ε)&lt;/span&gt; and &lt;span class=&quot;formula&quot;&gt;Z̃{sl} = γ{sl} ⊙ Z_norm + β{sl}&lt;/span&gt;, then A{sl} = g(Z̃{sl}). γ{sl} and β{sl}, of shape (n{sl}, 1), are learned like W and set each unit&apos;s mean and spread; b{sl} is dropped, since subtracting μ would cancel it. Later layers then see inputs whose spread changes less while the earlier layers learn. At prediction time there may be a single sample, so running averages of μ and σ² kept during training stand in for the batch&apos;s. Turn it on per hidden layer in the layer editor; the dimension table lists γ and β, and the step-through shows each step with its arrays.&lt;/p&gt;</source>
        <translation>&lt;p&gt;对输入做归一化能加快学习；批归一化对每个隐藏层的 Z 做同样的事，在本批样本上计算：&lt;span class=&quot;formula&quot;&gt;μ = (1/m) Σ Z{sl}&lt;/span&gt;，&lt;span class=&quot;formula&quot;&gt;σ² = (1/m) Σ (Z{sl} − μ)²&lt;/span&gt;，&lt;span class=&quot;formula&quot;&gt;Z_norm = (Z{sl} − μ) / √(σ² + ε)&lt;/span&gt;，&lt;span class=&quot;formula&quot;&gt;Z̃{sl} = γ{sl} ⊙ Z_norm + β{sl}&lt;/span&gt;，然后 A{sl} = g(Z̃{sl})。形状为 (n{sl}, 1) 的 γ{sl} 和 β{sl} 像 W 一样被学习，决定每个单元的均值和离散程度；b{sl} 被省去，因为减去 μ 会把它抵消掉。这样，在前面的层学习时，后面的层看到的输入的离散程度变化更小。预测时可能只有一个样本，所以用训练时保存的 μ 和 σ² 的滑动平均代替本批的统计量。在层编辑器中为每个隐藏层打开它；维度表列出 γ 和 β，逐步演示显示每一步及其数组。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>HyperparameterError</name>
    <message>
        <source> ({usual:g} is usual)</source>
        <translation>（通常为 {usual:g}）</translation>
    </message>
    <message>
        <source>is {value!r}; it must be a finite number with {range}{usual}</source>
        <translation>是 {value!r}，但必须是满足 {range} 的有限数{usual}</translation>
    </message>
    <message>
        <source>{symbol} ({field}) {reason}</source>
        <translation>{symbol}（{field}）{reason}</translation>
    </message>
    <message>
        <source>is not an option of {name}; it uses: {uses}</source>
        <translation>不是 {name} 的选项；它使用的是：{uses}</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>Stop training to switch the language.</source>
        <translation>请先停止训练，再切换语言。</translation>
    </message>
    <message>
        <source>Show NN Studio in {language}</source>
        <translation>以{language}显示 NN Studio</translation>
    </message>
    <message>
        <source>The {language} translation is missing from this installation.</source>
        <translation>此安装中缺少{language}翻译。</translation>
    </message>
    <message>
        <source>Language: {language}</source>
        <translation>界面语言：{language}</translation>
    </message>
</context>
<context>
    <name>LayerEditor</name>
    <message>
        <source>Input and output do not count as layers: one hidden layer makes a 2-layer network.</source>
        <translation>输入和输出不算层：一个隐层构成一个 2 层网络。</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>层</translation>
    </message>
    <message>
        <source>The columns of the network, from the inputs x to the output ŷ. Select one to edit it.</source>
        <translation>网络的各列，从输入 x 到输出 ŷ。选中一列即可编辑。</translation>
    </message>
    <message>
        <source>&amp;Add layer</source>
        <translation>添加层(&amp;A)</translation>
    </message>
    <message>
        <source>Insert a hidden layer after the selected one (a copy of it, or 4 tanh units).</source>
        <translation>在选中的层之后插入一个隐层（复制选中的层，或 4 个 tanh 单元）。</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>删除(&amp;R)</translation>
    </message>
    <message>
        <source>Delete the selected hidden layer.</source>
        <translation>删除选中的隐层。</translation>
    </message>
    <message>
        <source>↑ Move &amp;up</source>
        <translation>↑ 上移(&amp;U)</translation>
    </message>
    <message>
        <source>Move the selected hidden layer towards the input.</source>
        <translation>把选中的隐层移向输入端。</translation>
    </message>
    <message>
        <source>↓ Move &amp;down</source>
        <translation>↓ 下移(&amp;D)</translation>
    </message>
    <message>
        <source>Move the selected hidden layer towards the output.</source>
        <translation>把选中的隐层移向输出端。</translation>
    </message>
    <message>
        <source>Inverted dropout: in training each unit is kept with probability keep_prob and divided by it (A[l] keeps its expected value); 1: no dropout.</source>
        <translation>反向随机失活：训练时每个单元以 keep_prob 的概率保留，并除以 keep_prob（A[l] 的期望值不变）；1 表示不使用随机失活。</translation>
    </message>
    <message>
        <source>&amp;Batch normalisation</source>
        <translation>批归一化(&amp;B)</translation>
    </message>
    <message>
        <source>Normalise Z[l] over the batch, then Z̃[l] = γ[l]·Z_norm[l] + β[l] with learned γ[l], β[l] (n[l], 1); β[l] takes the place of b[l], which stays 0.</source>
        <translation>在批次上归一化 Z[l]，然后 Z̃[l] = γ[l]·Z_norm[l] + β[l]，其中 γ[l]、β[l] (n[l], 1) 需要学习；β[l] 取代 b[l]，b[l] 保持为 0。</translation>
    </message>
    <message>
        <source>Input X: 1 feature ({names})</source>
        <translation>输入 X：1 个特征（{names}）</translation>
    </message>
    <message>
        <source>Input X: {n} features ({names})</source>
        <translation>输入 X：{n} 个特征（{names}）</translation>
    </message>
    <message>
        <source>Layer [{l}] output: {n} × {act}</source>
        <translation>层 [{l}] 输出层：{n} × {act}</translation>
    </message>
    <message>
        <source>Layer [{l}] hidden: {n} × {act}</source>
        <translation>层 [{l}] 隐层：{n} × {act}</translation>
    </message>
    <message>
        <source>&amp;Units n[{l}]:</source>
        <translation>单元数 n[{l}](&amp;U)：</translation>
    </message>
    <message>
        <source>A&amp;ctivation g[{l}]:</source>
        <translation>激活函数 g[{l}](&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;keep_prob[{l}]:</source>
        <translation>keep_prob[{l}](&amp;K)：</translation>
    </message>
    <message>
        <source>The input size n&lt;sup&gt;[0]&lt;/sup&gt; = {n}: one unit per checked feature, computed from the data&apos;s x₁ and x₂. X is not a layer and has no weights.</source>
        <translation>输入大小 n&lt;sup&gt;[0]&lt;/sup&gt; = {n}：每个勾选的特征一个单元，由数据的 x₁ 和 x₂ 计算得到。X 不是一层，没有权重。</translation>
    </message>
    <message>
        <source>The input size n&lt;sup&gt;[0]&lt;/sup&gt; = {n} comes from the data: one unit per feature. X is not a layer and has no weights.</source>
        <translation>输入大小 n&lt;sup&gt;[0]&lt;/sup&gt; = {n} 由数据决定：每个特征一个单元。X 不是层，没有权重。</translation>
    </message>
    <message>
        <source>two classes: one sigmoid unit gives P(class 1)</source>
        <translation>两个类别：一个 sigmoid 单元给出 P(类别 1)</translation>
    </message>
    <message>
        <source>{k} classes: one softmax unit per class</source>
        <translation>{k} 个类别：每个类别一个 softmax 单元</translation>
    </message>
    <message>
        <source>regression: one linear unit predicts the value</source>
        <translation>回归：一个线性单元预测数值</translation>
    </message>
    <message>
        <source>The output layer ŷ = A&lt;sup&gt;[{l}]&lt;/sup&gt; follows the task ({why}).</source>
        <translation>输出层 ŷ = A&lt;sup&gt;[{l}]&lt;/sup&gt; 由任务决定（{why}）。</translation>
    </message>
    <message>
        <source>Hidden layer {l}: W&lt;sup&gt;[{l}]&lt;/sup&gt; is ({n}, {p}), one row per unit, one column per unit of the layer before.</source>
        <translation>第 {l} 个隐层：W&lt;sup&gt;[{l}]&lt;/sup&gt; 是 ({n}, {p})，每个单元一行，上一层的每个单元一列。</translation>
    </message>
    <message>
        <source>Add layer {l}</source>
        <translation>添加第 {l} 层</translation>
    </message>
    <message>
        <source>Remove layer {l}</source>
        <translation>删除第 {l} 层</translation>
    </message>
    <message>
        <source>Move layer {l} up</source>
        <translation>上移第 {l} 层</translation>
    </message>
    <message>
        <source>Move layer {l} down</source>
        <translation>下移第 {l} 层</translation>
    </message>
    <message>
        <source>Set units of layer {l} to {n}</source>
        <translation>将第 {l} 层的单元数设为 {n}</translation>
    </message>
    <message>
        <source>{name} cannot be used in a hidden layer: it turns a layer into probabilities over classes, so only the output layer of a multi-class network uses it. Choose tanh, relu, leaky_relu, sigmoid or linear.</source>
        <translation>{name} 不能用在隐层：它把一层变成各个类别的概率，所以只有多分类网络的输出层才使用它。请选择 tanh、relu、leaky_relu、sigmoid 或 linear。</translation>
    </message>
    <message>
        <source>Set activation of layer {l} to {name}</source>
        <translation>将第 {l} 层的激活函数设为 {name}</translation>
    </message>
    <message>
        <source>Set keep_prob of layer {l} to {value:g}</source>
        <translation>将第 {l} 层的 keep_prob 设为 {value:g}</translation>
    </message>
    <message>
        <source>Normalise layer {l}</source>
        <translation>对第 {l} 层使用批归一化</translation>
    </message>
    <message>
        <source>Stop normalising layer {l}</source>
        <translation>取消第 {l} 层的批归一化</translation>
    </message>
    <message>
        <source>The output stays sigmoid: with two classes the output is the probability of class 1, a number in 0..1 that binary cross-entropy compares with the label. {name} cannot be trained with that loss.</source>
        <translation>输出层保持 sigmoid：两个类别时，输出是类别 1 的概率，一个 0..1 之间的数，由二元交叉熵与标签比较。{name} 无法用这个损失函数训练。</translation>
    </message>
    <message>
        <source>The output stays softmax: with {k} classes the network gives one probability per class (they add up to 1) for categorical cross-entropy. {name} cannot be trained with that loss.</source>
        <translation>输出层保持 softmax：{k} 个类别时，网络为每个类别给出一个概率（它们加起来等于 1），用于分类交叉熵。{name} 无法用这个损失函数训练。</translation>
    </message>
    <message>
        <source>The output stays linear: a regression predicts any real number and is trained with mean squared error; {name} would squash the predictions.</source>
        <translation>输出层保持线性：回归预测的是任意实数，用均方误差训练；{name} 会把预测值压扁。</translation>
    </message>
    <message>
        <source>The output layer has {k} units, one per class of the data. Choose another data set or number of classes to change it.</source>
        <translation>输出层有 {k} 个单元，数据的每个类别一个。要改变它，请选择另一个数据集或类别数。</translation>
    </message>
    <message>
        <source>The output layer has 1 unit: with two classes one sigmoid unit gives the probability of class 1 (class 0 gets 1 minus it).</source>
        <translation>输出层有 1 个单元：两个类别时，一个 sigmoid 单元给出类别 1 的概率（类别 0 的概率是 1 减去它）。</translation>
    </message>
    <message>
        <source>The output layer has 1 unit: the data has one target value per sample.</source>
        <translation>输出层有 1 个单元：数据的每个样本只有一个目标值。</translation>
    </message>
</context>
<context>
    <name>LearnMode</name>
    <message>
        <source>Step through</source>
        <translation>逐步查看</translation>
    </message>
    <message>
        <source>One forward and backward pass, a formula at a time</source>
        <translation>一次前向传播和反向传播，一次一个公式</translation>
    </message>
    <message>
        <source>Matrices</source>
        <translation>矩阵</translation>
    </message>
    <message>
        <source>Heatmaps of W, b, Z, A, dW and db for one layer</source>
        <translation>某一层的 W、b、Z、A、dW 和 db 热图</translation>
    </message>
    <message>
        <source>Gradient flow</source>
        <translation>梯度流</translation>
    </message>
    <message>
        <source>‖dW[l]‖ per layer: vanishing or exploding</source>
        <translation>每层的 ‖dW[l]‖：梯度消失还是梯度爆炸</translation>
    </message>
    <message>
        <source>Compare runs</source>
        <translation>比较训练记录</translation>
    </message>
    <message>
        <source>Cost curves of finished runs, overlaid</source>
        <translation>已完成训练的代价曲线，叠在一起比较</translation>
    </message>
    <message>
        <source>Bias and variance</source>
        <translation>偏差与方差</translation>
    </message>
    <message>
        <source>Training and dev error at the end of a run: underfitting or overfitting, and the course&apos;s next step; the test set, on request</source>
        <translation>训练结束时的训练误差与验证误差：欠拟合还是过拟合，以及课程建议的下一步；测试集仅在请求时评估</translation>
    </message>
    <message>
        <source>Tuning</source>
        <translation>调参</translation>
    </message>
    <message>
        <source>&amp;Gradient check…</source>
        <translation>梯度检验(&amp;G)…</translation>
    </message>
    <message>
        <source>Compare back propagation with numerical gradients on the current network and data</source>
        <translation>在当前的网络和数据上，把反向传播的梯度与数值梯度相比较</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>Cost plot as PNG or SVG…</source>
        <translation>代价曲线图（PNG 或 SVG）…</translation>
    </message>
    <message>
        <source>Training history as CSV…</source>
        <translation>训练历史（CSV）…</translation>
    </message>
    <message>
        <source>Compared runs as CSV…</source>
        <translation>比较的训练记录（CSV）…</translation>
    </message>
    <message>
        <source>Model as a NumPy script…</source>
        <translation>模型（NumPy 脚本）…</translation>
    </message>
    <message>
        <source>Decision boundary as PNG or SVG…</source>
        <translation>决策边界图（PNG 或 SVG）…</translation>
    </message>
    <message>
        <source>A hyperparameter search is running: Train waits until it ends or you cancel it in the Tuning view.</source>
        <translation>正在进行超参数搜索：训练要等到搜索结束，或在“调参”视图中取消搜索之后。</translation>
    </message>
    <message>
        <source>Understand</source>
        <translation>理解</translation>
    </message>
    <message>
        <source>Random search over α, λ, keep_prob and the units: short runs judged on the dev set</source>
        <translation>对 α、λ、keep_prob 和单元数做随机搜索：多次短训练，按验证集评判</translation>
    </message>
    <message>
        <source>Model as a PyTorch script…</source>
        <translation>模型导出为 PyTorch 脚本…</translation>
    </message>
    <message>
        <source>Model as ONNX…</source>
        <translation>模型导出为 ONNX…</translation>
    </message>
    <message>
        <source>&amp;Guide: forward and back propagation</source>
        <translation>指南：前向传播与反向传播(&amp;G)</translation>
    </message>
</context>
<context>
    <name>LockBanner</name>
    <message>
        <source>End the run</source>
        <translation>结束这次训练</translation>
    </message>
    <message>
        <source>End the paused run here: its weights and history are kept, the network and the data can be edited again, and Train starts a new run from these weights</source>
        <translation>在此结束暂停的训练：保留它的权重和历史，网络和数据可以重新编辑，“训练”会从这些权重开始新的一次训练</translation>
    </message>
</context>
<context>
    <name>Loss</name>
    <message>
        <source>binary cross-entropy</source>
        <translation>二元交叉熵</translation>
    </message>
    <message>
        <source>categorical cross-entropy</source>
        <translation>分类交叉熵</translation>
    </message>
    <message>
        <source>mean squared error</source>
        <translation>均方误差</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Training toolbar</source>
        <translation>训练工具栏</translation>
    </message>
    <message>
        <source>&amp;Reset layout</source>
        <translation>重置布局(&amp;R)</translation>
    </message>
    <message>
        <source>Put the panels, the toolbar and the window size back as at first start</source>
        <translation>把面板、工具栏和窗口大小恢复为首次启动时的样子</translation>
    </message>
    <message>
        <source>Ready: {data} and a {L}-layer network. Edit the layers on the left, press Train (F5) to train.</source>
        <translation>就绪：{data}和一个 {L} 层网络。在左侧编辑各层，按“训练”（F5）开始训练。</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>视图</translation>
    </message>
</context>
<context>
    <name>MatrixHeatmap</name>
    <message>
        <source>row i</source>
        <translation>第 i 行</translation>
    </message>
    <message>
        <source>column j</source>
        <translation>第 j 列</translation>
    </message>
    <message>
        <source>The colour scale: the colour of each value. It runs from minus to plus the largest absolute entry, so white is always 0.</source>
        <translation>颜色刻度：每个数值对应的颜色。它从负的最大绝对值延伸到正的最大绝对值，所以白色始终表示 0。</translation>
    </message>
    <message>
        <source>Each cell is one entry of the matrix: row i down, column j across. Blue is positive, orange negative, white zero; the colour bar beside it gives the values, symmetric around 0. The size follows the shape: more rows, taller; more columns, wider.</source>
        <translation>每个格子是矩阵的一个元素：第 i 行向下，第 j 列向右。蓝色为正，橙色为负，白色为零；旁边的颜色条给出对应的数值，关于 0 对称。图的大小随形状而变：行越多越高，列越多越宽。</translation>
    </message>
    <message>
        <source>mean {mean} · std {std}
min {min} · max {max} · {zero} zero</source>
        <translation>均值 {mean} · 标准差 {std}
最小值 {min} · 最大值 {max} · {zero} 为零</translation>
    </message>
</context>
<context>
    <name>MatrixInspector</name>
    <message>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>Choose a layer l to see its matrices. W[l] is (n[l], n[l-1]) and b[l] is (n[l], 1): they have no m, because every sample uses the same parameters. Z[l] and A[l] are (n[l], m): one column per sample.</source>
        <translation>选择一层 l 查看它的矩阵。W[l] 是 (n[l], n[l-1])，b[l] 是 (n[l], 1)：它们的维度里没有 m，因为所有样本使用同一套参数。Z[l] 和 A[l] 是 (n[l], m)：每个样本一列。</translation>
    </message>
    <message>
        <source>The entry under the mouse pointer: its row i, its column j and its value.</source>
        <translation>鼠标指针下的元素：它的行 i、列 j 和数值。</translation>
    </message>
    <message>
        <source>W[l]: the weights. Row i holds the weights into unit i of layer l.</source>
        <translation>W[l]：权重。第 i 行是进入第 l 层第 i 个单元的权重。</translation>
    </message>
    <message>
        <source>b[l]: the biases, one per unit, added to every column of W[l]·A[l-1].</source>
        <translation>b[l]：偏置，每个单元一个，加到 W[l]·A[l-1] 的每一列上。</translation>
    </message>
    <message>
        <source>dW[l] = (1/m) dZ[l]·A[l-1]ᵀ: how the cost J changes with each weight, averaged over the m samples. Same shape as W[l].</source>
        <translation>dW[l] = (1/m) dZ[l]·A[l-1]ᵀ：代价 J 随每个权重如何变化，在 m 个样本上取平均。与 W[l] 形状相同。</translation>
    </message>
    <message>
        <source>db[l] = (1/m) Σ dZ[l] over the columns: same shape as b[l].</source>
        <translation>db[l] = (1/m) Σ dZ[l]（对各列求和）：与 b[l] 形状相同。</translation>
    </message>
    <message>
        <source>Z[l] = W[l]·A[l-1] + b[l]: one column per sample.</source>
        <translation>Z[l] = W[l]·A[l-1] + b[l]：每个样本一列。</translation>
    </message>
    <message>
        <source>A[l] = g[l](Z[l]): the activations, the layer&apos;s output.</source>
        <translation>A[l] = g[l](Z[l])：激活值，即这一层的输出。</translation>
    </message>
    <message>
        <source>Layer {l}</source>
        <translation>第 {l} 层</translation>
    </message>
    <message>
        <source>Load a data set to see Z, A and the gradients: they need samples.</source>
        <translation>请载入一个数据集来查看 Z、A 和梯度：它们需要样本。</translation>
    </message>
    <message>
        <source>{name}: row {row}, column {col} = {value}</source>
        <translation>{name}：第 {row} 行，第 {col} 列 = {value}</translation>
    </message>
</context>
<context>
    <name>ModelFile</name>
    <message>
        <source>the file holds {n} parts; a model file may hold at most {max}</source>
        <extracomment>What a damaged zip or .npy member can make the standard library raise while reading.</extracomment>
        <translation>文件由 {n} 个部分组成，而模型文件最多只能有 {max} 个</translation>
    </message>
    <message>
        <source>the file holds two parts named {name!r}</source>
        <translation>文件里有两个都叫 {name!r} 的部分</translation>
    </message>
    <message>
        <source>the part {name} is encrypted; model files never are</source>
        <translation>文件里的 {name} 是加密的，而模型文件从不加密</translation>
    </message>
    <message>
        <source>the part {name} uses zip compression method {method}; model files use only &apos;stored&apos; or &apos;deflate&apos;</source>
        <translation>文件里的 {name} 使用第 {method} 种 zip 压缩方法，而模型文件只使用 &apos;stored&apos; 或 &apos;deflate&apos;</translation>
    </message>
    <message>
        <source>the part {name} unpacks to {size}; a model file allows at most {max} for it</source>
        <translation>文件里的 {name} 解压后有 {size}，而模型文件中这一部分最多允许 {max}</translation>
    </message>
    <message>
        <source>the file unpacks to {size}; a model file may hold at most {max}</source>
        <translation>文件解压后有 {size}，而模型文件最多只能有 {max}</translation>
    </message>
    <message>
        <source>this zip archive is not an NN Studio model: it has no manifest.json</source>
        <translation>这个 zip 压缩包不是 NN Studio 模型：里面没有 manifest.json</translation>
    </message>
    <message>
        <source>the part {name} is damaged and cannot be read</source>
        <translation>文件里的 {name} 已损坏，无法读取</translation>
    </message>
    <message>
        <source>the part {name} is damaged: its size is not what it claims</source>
        <translation>文件里的 {name} 已损坏：它的大小与声明的不符</translation>
    </message>
    <message>
        <source>the file is empty (0 bytes): it holds no model</source>
        <translation>文件是空的（0 字节），里面没有模型</translation>
    </message>
    <message>
        <source>this is not an NN Studio model file (a .nnstudio file is a zip archive; this is not)</source>
        <translation>这不是 NN Studio 模型文件（.nnstudio 文件是 zip 压缩包，而这个文件不是）</translation>
    </message>
    <message>
        <source>the file is damaged and cannot be read (it may be incomplete: was it copied or downloaded completely?)</source>
        <translation>文件已损坏，无法读取（可能不完整：复制或下载时是否完整？）</translation>
    </message>
    <message>
        <source>it is a folder, not a model file</source>
        <translation>这是一个文件夹，不是模型文件</translation>
    </message>
    <message>
        <source>it is not a regular file (a device, pipe or socket), not a model file</source>
        <translation>这不是普通文件（而是设备、管道或套接字），不是模型文件</translation>
    </message>
    <message>
        <source>cannot read {file}: {reason}</source>
        <translation>无法读取 {file}：{reason}</translation>
    </message>
    <message>
        <source>{n} bytes</source>
        <translation>{n} 字节</translation>
    </message>
    <message>
        <source>the part {name} is {size}, larger than the {shape} {dtype} array the manifest declares</source>
        <translation>文件里的 {name} 有 {size}，比清单声明的 {shape} {dtype} 数组还大</translation>
    </message>
    <message>
        <source>the part {name} is damaged: it is not a .npy array</source>
        <translation>文件里的 {name} 已损坏：它不是 .npy 数组</translation>
    </message>
    <message>
        <source>the part {name} uses .npy version {version}; use 1.0</source>
        <translation>文件里的 {name} 使用 .npy {version} 版格式，请使用 1.0 版</translation>
    </message>
    <message>
        <source>the part {name} is damaged: its array header is unreadable</source>
        <translation>文件里的 {name} 已损坏：无法读取它的数组头</translation>
    </message>
    <message>
        <source>the part {name} holds Python objects; model files hold only numbers, so this file was not written by NN Studio and will not be opened</source>
        <translation>文件里的 {name} 存有 Python 对象，而模型文件只存数字；这个文件不是 NN Studio 写的，不会被打开</translation>
    </message>
    <message>
        <source>the part {name} holds numbers of type {descr!r}; the manifest declares {dtype} ({expected!r})</source>
        <translation>文件里的 {name} 存的数字类型是 {descr!r}，而清单声明的是 {dtype}（{expected!r}）</translation>
    </message>
    <message>
        <source>the part {name} has shape {got}; the manifest declares {shape}</source>
        <translation>文件里的 {name} 形状为 {got}，而清单声明的是 {shape}</translation>
    </message>
    <message>
        <source>the part {name} is damaged: its data has the wrong length</source>
        <translation>文件里的 {name} 已损坏：数据长度不对</translation>
    </message>
    <message>
        <source>{name} is not a number a model file may hold</source>
        <translation>{name} 不是模型文件可以保存的数字</translation>
    </message>
    <message>
        <source>the key {key} appears twice</source>
        <translation>键 {key} 出现了两次</translation>
    </message>
    <message>
        <source>the manifest is damaged: it is not UTF-8 text (byte {byte})</source>
        <translation>清单已损坏：它不是 UTF-8 文本（第 {byte} 字节）</translation>
    </message>
    <message>
        <source>the manifest is nested too deeply to read</source>
        <translation>清单嵌套太深，无法读取</translation>
    </message>
    <message>
        <source>the manifest is damaged: {reason}</source>
        <translation>清单已损坏：{reason}</translation>
    </message>
    <message>
        <source>this is not an NN Studio model: its manifest is not an object</source>
        <translation>这不是 NN Studio 模型：它的清单不是一个对象</translation>
    </message>
    <message>
        <source>holds text that is not valid Unicode (an unpaired surrogate {code} at character {at}); NN Studio neither reads nor writes such text</source>
        <translation>含有无效的 Unicode 文本（第 {at} 个字符处有不成对的代理项 {code}）；NN Studio 既不读取也不写入这样的文本</translation>
    </message>
    <message>
        <source>the key {key} in {where}</source>
        <translation>{where} 中的键 {key}</translation>
    </message>
    <message>
        <source>{where} {what}</source>
        <translation>{where} {what}</translation>
    </message>
    <message>
        <source>must be an object, not {type}</source>
        <translation>必须是对象，而不是{type}</translation>
    </message>
    <message>
        <source>must be a list, not {type}</source>
        <translation>必须是列表，而不是{type}</translation>
    </message>
    <message>
        <source>has {n} entries; at most {max} are allowed</source>
        <translation>有 {n} 项，最多只允许 {max} 项</translation>
    </message>
    <message>
        <source>must be text, not {type}</source>
        <translation>必须是文本，而不是{type}</translation>
    </message>
    <message>
        <source>is {n} characters long; at most {max} are allowed</source>
        <translation>长 {n} 个字符，最多只允许 {max} 个</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>不能为空</translation>
    </message>
    <message>
        <source>must be true or false, not {type}</source>
        <translation>必须是 true 或 false，而不是{type}</translation>
    </message>
    <message>
        <source>is a whole number of {digits} digits; a model file holds whole numbers between -2⁶³ and 2⁶³ only</source>
        <translation>是一个 {digits} 位的整数；模型文件只能保存 -2⁶³ 到 2⁶³ 之间的整数</translation>
    </message>
    <message>
        <source>must be a whole number, not {type}</source>
        <translation>必须是整数，而不是{type}</translation>
    </message>
    <message>
        <source>is {value}; it must lie in {range}</source>
        <translation>是 {value}，但必须在 {range} 范围内</translation>
    </message>
    <message>
        <source>must be a number, not {type}</source>
        <translation>必须是数字，而不是{type}</translation>
    </message>
    <message>
        <source>must be a finite number</source>
        <translation>必须是有限的数字</translation>
    </message>
    <message>
        <source> and </source>
        <translation> 且 </translation>
    </message>
    <message>
        <source>is {value:g}; it must be {bounds}</source>
        <translation>是 {value:g}，但必须 {bounds}</translation>
    </message>
    <message>
        <source>lacks {keys}</source>
        <translation>缺少 {keys}</translation>
    </message>
    <message>
        <source>has unknown field {key} (was the file made by a newer NN Studio?)</source>
        <translation>含有未知字段 {key}（这个文件是否由更新版本的 NN Studio 生成？）</translation>
    </message>
    <message>
        <source>is nested more than {n} levels deep</source>
        <translation>嵌套超过 {n} 层</translation>
    </message>
    <message>
        <source>has a key that is not text: {key!r}</source>
        <translation>有一个不是文本的键：{key!r}</translation>
    </message>
    <message>
        <source>must be plain JSON data, not {type}</source>
        <translation>必须是普通的 JSON 数据，而不是{type}</translation>
    </message>
    <message>
        <source>a whole number of {digits} digits</source>
        <translation>一个 {digits} 位的整数</translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation>整数</translation>
    </message>
    <message>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>a decimal number</source>
        <translation>小数</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>列表</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>cannot be saved: {type} is not plain data</source>
        <translation>无法保存：{type} 不是普通数据</translation>
    </message>
    <message>
        <source>the file is damaged and cannot be read ({error})</source>
        <translation>文件已损坏，无法读取（{error}）</translation>
    </message>
    <message>
        <source>the file cannot be read (unexpected {error}: {reason})</source>
        <translation>无法读取文件（意外的 {error}：{reason}）</translation>
    </message>
    <message>
        <source>the part {name} is missing from the file</source>
        <translation>文件中缺少 {name}</translation>
    </message>
    <message>
        <source>the file holds a part {name!r} that its manifest does not declare</source>
        <translation>文件里有清单中没有声明的部分 {name!r}</translation>
    </message>
    <message>
        <source>the network&apos;s parameters do not fit its layers: {reason}</source>
        <translation>网络的参数与它的层不符：{reason}</translation>
    </message>
    <message>
        <source>the stored data set does not match its checksum</source>
        <translation>保存的数据集与它的校验和不符</translation>
    </message>
    <message>
        <source>the stored data set is not valid: {reason}</source>
        <translation>保存的数据集无效：{reason}</translation>
    </message>
    <message>
        <source>the built-in data set {name!r} cannot be re-created: {reason}</source>
        <translation>无法重新生成内置数据集 {name!r}：{reason}</translation>
    </message>
    <message>
        <source>the built-in data set {name!r} now has {n} features, but the network was built for {expected}</source>
        <translation>内置数据集 {name!r} 现在有 {n} 个特征，但网络是按 {expected} 个特征搭建的</translation>
    </message>
    <message>
        <source>The built-in data set {name!r} comes out slightly differently in this version of NN Studio than when the model was saved; the weights were trained on the old numbers, so costs and accuracies may differ a little.</source>
        <translation>这个版本的 NN Studio 生成的内置数据集 {name!r} 与保存模型时略有不同；权重是在旧数据上训练的，所以代价和准确率可能会有细微差别。</translation>
    </message>
    <message>
        <source>the stored standardizer is not valid: {reason}</source>
        <translation>保存的标准化参数无效：{reason}</translation>
    </message>
    <message>
        <source>the arrays declared take {size:.0f} MiB; a model file may hold at most {max} MiB</source>
        <translation>声明的数组共占 {size:.0f} MiB，而模型文件最多只能有 {max} MiB</translation>
    </message>
    <message>
        <source>the file&apos;s input features cannot be used: {reason}</source>
        <translation>文件中的输入特征无法使用：{reason}</translation>
    </message>
    <message>
        <source>lists {k} features but the network has n[0] = {n0} inputs</source>
        <translation>列出了 {k} 个特征，但网络有 n[0] = {n0} 个输入</translation>
    </message>
    <message>
        <source>the weights in {name} include NaN or infinite numbers; a model file holds only finite numbers (was it saved from a run that diverged?)</source>
        <translation>{name} 中的权重含有 NaN 或无穷大；模型文件只保存有限的数字（它是否保存自一次发散的训练？）</translation>
    </message>
    <message>
        <source>the values in {name} include NaN or infinite numbers; a model file holds only finite numbers (was it saved from a run that diverged?)</source>
        <translation>{name} 中的数值含有 NaN 或无穷大；模型文件只保存有限的数字（它是否保存自一次发散的训练？）</translation>
    </message>
    <message>
        <source>{name} holds class labels outside 0..{last}</source>
        <translation>{name} 中的类别标签超出了 0..{last}</translation>
    </message>
    <message>
        <source>{name} must hold only positive spreads σ</source>
        <translation>{name} 只能包含正的标准差 σ</translation>
    </message>
    <message>
        <source>this is not an NN Studio model: its manifest says format {got!r}, not {wanted!r}</source>
        <translation>这不是 NN Studio 模型：它的清单写的格式是 {got!r}，而不是 {wanted!r}</translation>
    </message>
    <message>
        <source>this file was made by a newer NN Studio (format {version}); this version reads up to format {newest} — update NN Studio to open it</source>
        <translation>这个文件由更新版本的 NN Studio 生成（格式 {version}），而当前版本最多只能读取格式 {newest}——请更新 NN Studio 后再打开</translation>
    </message>
    <message>
        <source>this file uses model format {version}, from an early NN Studio; this version reads formats {oldest} to {newest} and cannot upgrade it</source>
        <translation>这个文件使用早期 NN Studio 的模型格式 {version}；当前版本能读取格式 {oldest} 到 {newest}，无法升级它</translation>
    </message>
    <message>
        <source>the file could not be upgraded from format {version} to {next}: {reason}</source>
        <translation>无法把文件从格式 {version} 升级到 {next}：{reason}</translation>
    </message>
    <message>
        <source>upgrading from format {version} gave no manifest</source>
        <translation>从格式 {version} 升级后没有得到清单</translation>
    </message>
    <message>
        <source>the model&apos;s description would take {size:.1f} MiB, more than the {max} MiB a model file allows; delete some comparison runs or record the history less often</source>
        <translation>模型的描述需要 {size:.1f} MiB，超过了模型文件允许的 {max} MiB；请删除一些比较用的训练记录，或降低历史记录的频率</translation>
    </message>
    <message>
        <source>could not save {file}: {reason}</source>
        <translation>无法保存 {file}：{reason}</translation>
    </message>
    <message>
        <source>could not save {file} ({error}: {reason})</source>
        <translation>无法保存 {file}（{error}：{reason}）</translation>
    </message>
    <message>
        <source>no file name was given</source>
        <translation>没有给出文件名</translation>
    </message>
    <message>
        <source>the name holds a NUL character</source>
        <translation>文件名中含有 NUL 字符</translation>
    </message>
    <message>
        <source>cannot save to {file}: {reason}</source>
        <translation>无法保存到 {file}：{reason}</translation>
    </message>
    <message>
        <source>must map slot names to arrays</source>
        <translation>必须把槽名称映射到数组</translation>
    </message>
    <message>
        <source>must map series names to lists of numbers</source>
        <translation>必须把序列名称映射到数字列表</translation>
    </message>
    <message>
        <source>must be a number or None</source>
        <translation>必须是数字或 None</translation>
    </message>
    <message>
        <source>must be a mapping with name, visible, history and description</source>
        <translation>必须是包含 name、visible、history 和 description 的映射</translation>
    </message>
    <message>
        <source>has unknown field {key!r}</source>
        <translation>有未知字段 {key!r}</translation>
    </message>
    <message>
        <source>describes a network that cannot be built: {reason}</source>
        <translation>描述了一个无法搭建的网络：{reason}</translation>
    </message>
    <message>
        <source>the file declares {n} arrays; a model file holds at most {max}</source>
        <translation>文件声明了 {n} 个数组，而模型文件最多只能有 {max} 个</translation>
    </message>
    <message>
        <source>has dtype {dtype!r}; only {known} are allowed</source>
        <translation>的数据类型是 {dtype!r}，只允许 {known}</translation>
    </message>
    <message>
        <source>the array {name} would take {size:.0f} MiB; a model file allows at most {max} MiB per array</source>
        <translation>数组 {name} 需要 {size:.0f} MiB，而模型文件中每个数组最多只允许 {max} MiB</translation>
    </message>
    <message>
        <source>lacks {name}, which the manifest needs</source>
        <translation>缺少清单需要的 {name}</translation>
    </message>
    <message>
        <source>has shape {got}; it must be {shape}</source>
        <translation>的形状是 {got}，但必须是 {shape}</translation>
    </message>
    <message>
        <source>has dtype {got}; it must be {dtype}</source>
        <translation>的数据类型是 {got}，但必须是 {dtype}</translation>
    </message>
    <message>
        <source>declares {name}, which nothing in the manifest uses</source>
        <translation>声明了 {name}，但清单中没有任何地方用到它</translation>
    </message>
    <message>
        <source>is {name!r}, which is not a slot of this network&apos;s parameters</source>
        <translation>是 {name!r}，它不是这个网络参数的槽</translation>
    </message>
    <message>
        <source>repeats {name!r}</source>
        <translation>重复了 {name!r}</translation>
    </message>
    <message>
        <source>is {kind!r}; this version knows &apos;z-score&apos;</source>
        <translation>是 {kind!r}；这个版本只认识 &apos;z-score&apos;</translation>
    </message>
    <message>
        <source>is {task!r}; it must be one of {known}</source>
        <translation>是 {task!r}，但必须是 {known} 之一</translation>
    </message>
    <message>
        <source>is {n} but the network has n[0] = {n0} inputs</source>
        <translation>是 {n}，但网络有 n[0] = {n0} 个输入</translation>
    </message>
    <message>
        <source>has {k} names for {n} features</source>
        <translation>有 {k} 个名称，但有 {n} 个特征</translation>
    </message>
    <message>
        <source>has {K} names, which does not fit a {task} task</source>
        <translation>有 {K} 个名称，不符合 {task} 任务</translation>
    </message>
    <message>
        <source>the data set ({n} × {m} numbers) is larger than a model file may hold ({max} MiB)</source>
        <translation>数据集（{n} × {m} 个数）超出了模型文件的容量（{max} MiB）</translation>
    </message>
    <message>
        <source>is false, but only a built-in data set can be re-made</source>
        <translation>为 false，但只有内置数据集才能重新生成</translation>
    </message>
    <message>
        <source>must be 64 lower-case hexadecimal digits</source>
        <translation>必须是 64 个小写十六进制数字</translation>
    </message>
    <message>
        <source>has {n} series; at most {max} are allowed</source>
        <translation>有 {n} 个序列，最多只允许 {max} 个</translation>
    </message>
    <message>
        <source>{where} series name</source>
        <translation>{where} 的序列名称</translation>
    </message>
    <message>
        <source>is {step}; the iterations must increase (before: {last})</source>
        <translation>是 {step}；迭代次数必须递增（前一个是 {last}）</translation>
    </message>
    <message>
        <source>and validation_share add up to 1 or more: no training data is left</source>
        <translation>与 validation_share 之和不小于 1：没有剩下训练数据</translation>
    </message>
    <message>
        <source>is {name!r}; known: {known}</source>
        <translation>是 {name!r}；已知的有：{known}</translation>
    </message>
    <message>
        <source>has {key!r}, which {name} does not use</source>
        <translation>有 {key!r}，但 {name} 不使用它</translation>
    </message>
    <message>
        <source>is {text!r}, not a date and time like 2026-05-09T07:36:11Z</source>
        <translation>是 {text!r}，不是像 2026-05-09T07:36:11Z 这样的日期时间</translation>
    </message>
    <message>
        <source>the file holds no data set; NN Studio needs the data a network was trained on to show and train it</source>
        <translation>文件里没有数据集；NN Studio 需要网络训练时所用的数据，才能显示和训练它</translation>
    </message>
    <message>
        <source>the model cannot be opened: {reason}</source>
        <translation>无法打开模型：{reason}</translation>
    </message>
    <message>
        <source>the history has an iteration without a number</source>
        <translation>历史记录中有一次迭代没有编号</translation>
    </message>
    <message>
        <source>setting_changes must be a list</source>
        <translation>setting_changes 必须是列表</translation>
    </message>
    <message>
        <source>{start} … ({n} characters)</source>
        <translation>{start} …（共 {n} 个字符）</translation>
    </message>
    <message>
        <source>setting_changes[{i}] must name the iteration, a setting that can change during a run ({names}) and its old and new values</source>
        <translation>setting_changes[{i}] 必须给出迭代次数、一个可在训练中更改的设置（{names}）以及它的旧值和新值</translation>
    </message>
</context>
<context>
    <name>MovingOn</name>
    <message>
        <source>Writing and opening ONNX files needs the onnx package, which is not installed. Install it with

    {command}

then start NN Studio again.</source>
        <translation>读写 ONNX 文件需要 onnx 包，但它尚未安装。请用下面的命令安装：

    {command}

然后重新启动 NN Studio。</translation>
    </message>
    <message>
        <source>ONNX needs one more package</source>
        <translation>ONNX 还需要一个软件包</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>The model could not be exported: {reason}. Choose another folder or file name.</source>
        <translation>无法导出模型：{reason}。请选择其他文件夹或文件名。</translation>
    </message>
    <message>
        <source>Export as PyTorch script</source>
        <translation>导出为 PyTorch 脚本</translation>
    </message>
    <message>
        <source>Python script (*.py)</source>
        <translation>Python 脚本 (*.py)</translation>
    </message>
    <message>
        <source>Export as ONNX model</source>
        <translation>导出为 ONNX 模型</translation>
    </message>
    <message>
        <source>ONNX model (*.onnx)</source>
        <translation>ONNX 模型 (*.onnx)</translation>
    </message>
    <message>
        <source>Cannot open {file}</source>
        <translation>无法打开 {file}</translation>
    </message>
    <message>
        <source>Cannot open “{file}”: {reason}.

The current model was kept.</source>
        <translation>无法打开“{file}”：{reason}。

当前模型保持不变。</translation>
    </message>
    <message>
        <source>Opened the network in {file} with the data set {data}.</source>
        <translation>已打开 {file} 中的网络，使用数据集 {data}。</translation>
    </message>
</context>
<context>
    <name>NetworkDiagram</name>
    <message>
        <source>⋮ {k} more</source>
        <translation>⋮ 还有 {k} 个</translation>
    </message>
    <message>
        <source>&lt;b&gt;input X&lt;/b&gt;&lt;br&gt;n&lt;sup&gt;[0]&lt;/sup&gt; = {n}</source>
        <translation>&lt;b&gt;输入 X&lt;/b&gt;&lt;br&gt;n&lt;sup&gt;[0]&lt;/sup&gt; = {n}</translation>
    </message>
    <message>
        <source>output</source>
        <translation>输出层</translation>
    </message>
    <message>
        <source>hidden</source>
        <translation>隐层</translation>
    </message>
    <message>
        <source>&lt;b&gt;layer&lt;/b&gt;&lt;sup&gt;[{l}]&lt;/sup&gt; ({kind})&lt;br&gt;{n} × {act}</source>
        <translation>&lt;b&gt;层&lt;/b&gt;&lt;sup&gt;[{l}]&lt;/sup&gt;（{kind}）&lt;br&gt;{n} × {act}</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:{pos}&apos;&gt;━━&lt;/span&gt; w &amp;gt; 0 &amp;nbsp; &lt;span style=&apos;color:{neg}&apos;&gt;━━&lt;/span&gt; w &amp;lt; 0 &amp;nbsp; line thickness ∝ |w|&lt;br&gt;&lt;small&gt;Hover a unit or a line for its values; click a unit to select it.&lt;/small&gt;</source>
        <translation>&lt;span style=&apos;color:{pos}&apos;&gt;━━&lt;/span&gt; w &amp;gt; 0 &amp;nbsp; &lt;span style=&apos;color:{neg}&apos;&gt;━━&lt;/span&gt; w &amp;lt; 0 &amp;nbsp; 线宽 ∝ |w|&lt;br&gt;&lt;small&gt;把鼠标停在单元或连线上可查看数值；单击单元可选中它。&lt;/small&gt;</translation>
    </message>
    <message>
        <source>Keyboard: Tab to the diagram, the arrow keys move, Enter selects.</source>
        <translation>键盘：用 Tab 进入网络图，方向键移动，Enter 选中。</translation>
    </message>
    <message>
        <source>{name} over the (x₁, x₂) plane</source>
        <translation>{name} 在 (x₁, x₂) 平面上的取值</translation>
    </message>
    <message>
        <source>{k} more units of layer [{l}] are not drawn, so the picture stays readable. The dimension table shows the full shapes.</source>
        <translation>层 [{l}] 还有 {k} 个单元没有画出，以保持图形清晰。维度表中有完整的形状。</translation>
    </message>
    <message>
        <source>unit {i} of layer [{l}]</source>
        <translation>层 [{l}] 的第 {i} 个单元</translation>
    </message>
    <message>
        <source>{name}: an input feature made from x₁ and x₂, row {k} of X. The input is data, not a layer: it has no weights and no bias.</source>
        <translation>{name}：由 x₁ 和 x₂ 构成的输入特征，是 X 的第 {k} 行。输入是数据，不是一层：它没有权重，也没有偏置。</translation>
    </message>
    <message>
        <source>x{j}: the feature “{name}”, row {k} of X. The input is data, not a layer: it has no weights and no bias.</source>
        <translation>x{j}：特征“{name}”，X 的第 {k} 行。输入是数据，不是层：它没有权重，也没有偏置。</translation>
    </message>
    <message>
        <source>, … ({k} more)</source>
        <translation>，…（还有 {k} 个）</translation>
    </message>
    <message>
        <source>Unit {i} of layer [{l}] ({act})
b = {b}   (b[{l}] row {i})
w = [{w}]   (row {i} of W[{l}], one weight per unit of the layer before)
a = {act}(w · a[{p}] + b); click to select this unit.</source>
        <translation>层 [{l}] 的第 {i} 个单元（{act}）
b = {b}   （b[{l}] 的第 {i} 行）
w = [{w}]   （W[{l}] 的第 {i} 行，上一层每个单元一个权重）
a = {act}(w · a[{p}] + b)；单击可选中这个单元。</translation>
    </message>
    <message>
        <source>X = A[0] is {A}: one row per feature, one column per sample.</source>
        <translation>X = A[0] 的形状是 {A}：每个特征一行，每个样本一列。</translation>
    </message>
    <message>
        <source>Shapes: W[{l}] {W}, b[{l}] {b}, Z[{l}] and A[{l}] {A}.</source>
        <translation>形状：W[{l}] {W}，b[{l}] {b}，Z[{l}] 和 A[{l}] {A}。</translation>
    </message>
    <message>
        <source>w = W[{l}][{i}, {j}] = {w}
from {source} to {target}
Row {i} is the receiving unit, column {j} the sending one.</source>
        <translation>w = W[{l}][{i}, {j}] = {w}
从 {source} 到 {target}
第 {i} 行是接收信号的单元，第 {j} 列是发出信号的单元。</translation>
    </message>
</context>
<context>
    <name>Onnx</name>
    <message>
        <source>the network takes n[0] = {n} inputs but the data set in use, {data}, has {k} features. Choose or import a data set with {n} features in the Data panel, then open the network again</source>
        <translation>这个网络接受 n[0] = {n} 个输入，但当前使用的数据集 {data} 有 {k} 个特征。请在数据面板中选择或导入一个有 {n} 个特征的数据集，然后再次打开这个网络</translation>
    </message>
    <message>
        <source>the network&apos;s output ({n} {act} unit(s)) does not fit the data set in use, {data} ({task}). Choose a data set with {need}, then open the network again</source>
        <translation>网络的输出（{n} 个 {act} 单元）与当前使用的数据集 {data}（{task}）不匹配。请选择一个有{need}的数据集，然后再次打开这个网络</translation>
    </message>
    <message>
        <source>two classes</source>
        <translation>两个类别</translation>
    </message>
    <message>
        <source>{k} classes</source>
        <translation>{k} 个类别</translation>
    </message>
    <message>
        <source>values to predict (a regression)</source>
        <translation>待预测数值（回归）</translation>
    </message>
    <message>
        <source>node {index} of the graph, {node}, cannot be opened: {why}. NN Studio opens chains of fully-connected layers (Gemm, or MatMul + Add, each optionally with a BatchNormalization) with the activations relu, tanh, sigmoid, leaky_relu (α = 0.01) and softmax</source>
        <translation>无法打开计算图的第 {index} 个节点 {node}：{why}。NN Studio 能打开由全连接层（Gemm，或 MatMul + Add，每层后面可以有一个 BatchNormalization）串成的链，激活函数可以是 relu、tanh、sigmoid、leaky_relu（α = 0.01）和 softmax</translation>
    </message>
    <message>
        <source>the file is larger than {mb} MB</source>
        <translation>文件大于 {mb} MB</translation>
    </message>
    <message>
        <source>the file is not an ONNX model ({error})</source>
        <translation>这个文件不是 ONNX 模型（{error}）</translation>
    </message>
    <message>
        <source>the weights cannot be read ({error})</source>
        <translation>无法读取权重（{error}）</translation>
    </message>
    <message>
        <source>the graph has {inputs} inputs and {outputs} outputs; NN Studio opens networks with one input and one output</source>
        <translation>计算图有 {inputs} 个输入和 {outputs} 个输出；NN Studio 只能打开一个输入、一个输出的网络</translation>
    </message>
    <message>
        <source>the chain of layers does not end at the graph&apos;s output {name!r}</source>
        <translation>层链没有在计算图的输出 {name!r} 处结束</translation>
    </message>
    <message>
        <source>the input features the file declares do not match its graph</source>
        <translation>文件声明的输入特征与它的计算图不一致</translation>
    </message>
    <message>
        <source>its operator set is not the standard one</source>
        <translation>它的算子集不是标准算子集</translation>
    </message>
    <message>
        <source>it has more than one output</source>
        <translation>它有不止一个输出</translation>
    </message>
    <message>
        <source>it does not continue the chain of layers</source>
        <translation>它没有接在层链上</translation>
    </message>
    <message>
        <source>a MatMul must be followed by its bias Add</source>
        <translation>MatMul 之后必须是加上偏置的 Add</translation>
    </message>
    <message>
        <source>only Gemm with α = β = 1 and A as it is</source>
        <translation>只支持 α = β = 1 且 A 不转置的 Gemm</translation>
    </message>
    <message>
        <source>its weights are not constants</source>
        <translation>它的权重不是常量</translation>
    </message>
    <message>
        <source>an Add is read only as a layer&apos;s bias</source>
        <translation>Add 只能作为一层的偏置读入</translation>
    </message>
    <message>
        <source>an activation must follow a layer</source>
        <translation>激活函数必须紧跟在一层之后</translation>
    </message>
    <message>
        <source>only LeakyRelu with α = 0.01</source>
        <translation>只支持 α = 0.01 的 LeakyRelu</translation>
    </message>
    <message>
        <source>only a Softmax over the units</source>
        <translation>只支持对各单元做的 Softmax</translation>
    </message>
    <message>
        <source>NN Studio does not know this operator</source>
        <translation>NN Studio 不认识这个算子</translation>
    </message>
    <message>
        <source>a batch normalisation must follow a layer, before its activation</source>
        <translation>批归一化必须紧跟在一层之后、在它的激活函数之前</translation>
    </message>
    <message>
        <source>its statistics are not constants</source>
        <translation>它的统计量不是常量</translation>
    </message>
    <message>
        <source>only a batch normalisation for inference</source>
        <translation>只支持推理模式的批归一化</translation>
    </message>
    <message>
        <source>only a batch normalisation with ε = {eps:g}</source>
        <translation>只支持 ε = {eps:g} 的批归一化</translation>
    </message>
    <message>
        <source>its running variance is negative</source>
        <translation>它的方差滑动平均是负数</translation>
    </message>
    <message>
        <source>its weights are not a matrix of float32 or float64</source>
        <translation>它的权重不是 float32 或 float64 的矩阵</translation>
    </message>
    <message>
        <source>its bias does not have one value per unit</source>
        <translation>它的偏置不是每个单元一个值</translation>
    </message>
    <message>
        <source>the graph has no fully-connected layer</source>
        <translation>计算图中没有全连接层</translation>
    </message>
    <message>
        <source>layer {l} takes {got} inputs but layer {prev} gives {want}</source>
        <translation>第 {l} 层接受 {got} 个输入，但第 {prev} 层给出 {want} 个</translation>
    </message>
    <message>
        <source>the layers mix float32 and float64 parameters</source>
        <translation>各层混用了 float32 和 float64 参数</translation>
    </message>
    <message>
        <source>the output layer&apos;s activation is {name}; NN Studio trains networks whose output is sigmoid, softmax or linear</source>
        <translation>输出层的激活函数是 {name}；NN Studio 只训练输出为 sigmoid、softmax 或 linear 的网络</translation>
    </message>
    <message>
        <source>the output layer is batch-normalised; NN Studio normalises hidden layers only</source>
        <translation>输出层使用了批归一化；NN Studio 只对隐藏层做批归一化</translation>
    </message>
    <message>
        <source>the parameters hold values that are not finite</source>
        <translation>参数中有非有限的值</translation>
    </message>
    <message>
        <source>ONNX files need the onnx package, which is not installed; install it with {command} and start NN Studio again</source>
        <translation>ONNX 文件需要 onnx 包，但它尚未安装；请用 {command} 安装，然后重新启动 NN Studio</translation>
    </message>
</context>
<context>
    <name>OptimizerStatePanel</name>
    <message>
        <source>The arrays the optimizer keeps between updates, as the last run left them: the next update starts from them. Each has the shape of its parameter.</source>
        <extracomment>the arrays in their places: the dW row first, then the db row; and their object names</extracomment>
        <translation>优化器在两次更新之间保存的数组，即上一次训练结束时的状态：下一次更新从它们开始。每个数组的形状与其参数相同。</translation>
    </message>
    <message>
        <source>v: the moving average of the gradients, v = β·v + (1 − β)·dW after every update. The step follows v instead of this iteration&apos;s gradient alone, so directions that keep changing sign cancel out.</source>
        <translation>v：梯度的移动平均，每次更新后 v = β·v + (1 − β)·dW。更新沿 v 走，而不只看本次迭代的梯度，所以符号来回变化的方向会相互抵消。</translation>
    </message>
    <message>
        <source>s: the moving average of the squared gradients, s = β·s + (1 − β)·dW² (entry by entry). Entries with large recent gradients get smaller steps: the step is divided by √s + ε.</source>
        <translation>s：梯度平方的移动平均，s = β·s + (1 − β)·dW²（逐元素）。最近梯度大的元素步子更小：步长要除以 √s + ε。</translation>
    </message>
    <message>
        <source>v̂ = v / (1 − β₁ᵗ): v corrected for starting at 0, as the last update used it. Early on (small t) the correction is large; it fades as t grows.</source>
        <translation>v̂ = v / (1 − β₁ᵗ)：修正 v 从 0 开始带来的偏差，即上一次更新所用的值。开始时（t 小）修正很大，随 t 增大而消失。</translation>
    </message>
    <message>
        <source>ŝ = s / (1 − β₂ᵗ): s corrected for starting at 0, as the last update used it.</source>
        <translation>ŝ = s / (1 − β₂ᵗ)：修正 s 从 0 开始带来的偏差，即上一次更新所用的值。</translation>
    </message>
    <message>
        <source>&lt;b&gt;What {optimizer} keeps for layer {l}&lt;/b&gt; after update t = {t}</source>
        <translation>&lt;b&gt;{optimizer} 为第 {l} 层保存的量&lt;/b&gt;，第 t = {t} 次更新之后</translation>
    </message>
    <message>
        <source>&lt;b&gt;Gradient descent keeps nothing between updates&lt;/b&gt;: every step uses this iteration&apos;s dW alone. Choose Momentum, RMSprop or Adam and train to see the moving averages v and s they keep.</source>
        <translation>&lt;b&gt;梯度下降在两次更新之间不保存任何量&lt;/b&gt;：每一步只用本次迭代的 dW。选择 Momentum、RMSprop 或 Adam 并训练，即可看到它们保存的移动平均 v 和 s。</translation>
    </message>
    <message>
        <source>&lt;b&gt;{optimizer} keeps moving averages between updates.&lt;/b&gt; Train with it to see them for layer {l}.</source>
        <translation>&lt;b&gt;{optimizer} 在两次更新之间保存移动平均。&lt;/b&gt;用它训练，即可看到第 {l} 层的这些量。</translation>
    </message>
</context>
<context>
    <name>PausedEdit</name>
    <message>
        <source>Paused at iteration {step}. The paused run keeps this network and data: press End the run to edit them (the weights and the history stay), or Resume (F5) to go on.</source>
        <translation>已在第 {step} 次迭代暂停。暂停的训练占用着这个网络和数据：按“结束这次训练”即可编辑它们（权重和历史会保留），或按“继续”（F5）接着训练。</translation>
    </message>
    <message>
        <source>End the paused run?</source>
        <translation>结束暂停的训练？</translation>
    </message>
    <message>
        <source>The run is paused at iteration {step}. End it to edit?</source>
        <translation>训练暂停在第 {step} 次迭代。结束它以便编辑吗？</translation>
    </message>
    <message>
        <source>A run trains the network and the data it started with, so they cannot change while it lasts. Ending it keeps the weights and the history; Train then starts a new run from these weights.</source>
        <translation>一次训练使用它开始时的网络和数据，所以训练期间它们不能改变。结束训练会保留权重和历史；之后“训练”会从这些权重开始新的一次训练。</translation>
    </message>
    <message>
        <source>End the run</source>
        <translation>结束这次训练</translation>
    </message>
    <message>
        <source>Keep it paused</source>
        <translation>保持暂停</translation>
    </message>
</context>
<context>
    <name>PlotItem</name>
    <message>
        <source>Plot Options</source>
        <translation>绘图选项</translation>
    </message>
    <message>
        <source>Transforms</source>
        <translation>变换</translation>
    </message>
    <message>
        <source>Downsample</source>
        <translation>降采样</translation>
    </message>
    <message>
        <source>Average</source>
        <translation>平均</translation>
    </message>
    <message>
        <source>Alpha</source>
        <translation>透明度</translation>
    </message>
    <message>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>数据点</translation>
    </message>
</context>
<context>
    <name>PointEditor</name>
    <message>
        <source>Add points by clicking</source>
        <translation>点击添加点</translation>
    </message>
    <message>
        <source>The class of the points a click adds</source>
        <translation>点击时添加的点的类别</translation>
    </message>
    <message>
        <source>Class of new points</source>
        <translation>新点的类别</translation>
    </message>
    <message>
        <source>Click the plot to add a sample of the chosen class, Shift+click to remove the nearest one. Each click is one step of Edit ▸ Undo; the network keeps its weights, so you can train on and watch the boundary follow.</source>
        <translation>点击图添加一个所选类别的样本，Shift+点击删除最近的样本。每次点击都是 编辑 ▸ 撤销 的一步；网络保留它的权重，所以你可以继续训练，看边界随之变化。</translation>
    </message>
    <message>
        <source>Points can be added by clicking only to classification data with two features.</source>
        <translation>只有具有两个特征的分类数据才能通过点击添加点。</translation>
    </message>
    <message>
        <source>Click: add a point · Shift+click: remove the nearest. The plot shows standardised inputs; a new point is stored in the data&apos;s own units (x = x̃·σ + μ).</source>
        <translation>点击：添加一个点 · Shift+点击：删除最近的点。图中显示的是标准化后的输入；新点按数据自身的单位保存（x = x̃·σ + μ）。</translation>
    </message>
    <message>
        <source>Click: add a point · Shift+click: remove the nearest.</source>
        <translation>点击：添加一个点 · Shift+点击：删除最近的点。</translation>
    </message>
    <message>
        <source>Add a point of {name}</source>
        <translation>添加一个 {name} 点</translation>
    </message>
    <message>
        <source>Remove a point of {name}</source>
        <translation>删除一个 {name} 点</translation>
    </message>
    <message>
        <source>Data not changed</source>
        <translation>数据未更改</translation>
    </message>
    <message>
        <source>{reason}

The previous data is still in use.</source>
        <translation>{reason}

仍在使用之前的数据。</translation>
    </message>
</context>
<context>
    <name>RunRefusal</name>
    <message>
        <source>Not enough memory to train</source>
        <extracomment>how long the status bar says what the box&apos;s button did (ms)</extracomment>
        <translation>内存不足，无法训练</translation>
    </message>
    <message>
        <source>Use batch size {n}</source>
        <translation>使用批量大小 {n}</translation>
    </message>
    <message>
        <source>A training setting is out of range</source>
        <translation>有一项训练设置超出了范围</translation>
    </message>
    <message>
        <source>Change it and press Train again.</source>
        <translation>请修改它，然后再按“训练”。</translation>
    </message>
    <message>
        <source>Cannot train on this data</source>
        <translation>无法在这些数据上训练</translation>
    </message>
    <message>
        <source>Cannot start training</source>
        <translation>无法开始训练</translation>
    </message>
    <message>
        <source>Batch size set to {n}: press Train to start.</source>
        <translation>批量大小已设为 {n}：按“训练”开始。</translation>
    </message>
</context>
<context>
    <name>Runs</name>
    <message>
        <source>no hidden layer</source>
        <translation>无隐层</translation>
    </message>
    <message>
        <source>hidden {units}</source>
        <translation>隐层 {units}</translation>
    </message>
    <message>
        <source>lr {value:g}</source>
        <translation>学习率 {value:g}</translation>
    </message>
    <message>
        <source>full batch</source>
        <translation>全批量</translation>
    </message>
    <message>
        <source>batch {size}</source>
        <translation>批量 {size}</translation>
    </message>
    <message>
        <source>{name} init</source>
        <translation>{name} 初始化</translation>
    </message>
    <message>
        <source>seed {seed}</source>
        <translation>种子 {seed}</translation>
    </message>
    <message>
        <source>{epochs} epochs</source>
        <translation>{epochs} 轮</translation>
    </message>
    <message>
        <source>{name} {old:g}→{new:g} at {step}</source>
        <translation>{name} 在 {step} 处 {old:g}→{new:g}</translation>
    </message>
    <message>
        <source>no decay</source>
        <translation>不衰减</translation>
    </message>
    <message>
        <source>no dropout</source>
        <translation>无随机失活</translation>
    </message>
    <message>
        <source>no batch norm</source>
        <translation>无批归一化</translation>
    </message>
    <message>
        <source>keep_prob {values}</source>
        <translation>keep_prob {values}</translation>
    </message>
    <message>
        <source>batch norm</source>
        <translation>批归一化</translation>
    </message>
    <message>
        <source>batch norm on {layers}</source>
        <translation>第 {layers} 层批归一化</translation>
    </message>
    <message>
        <source>decay {rate:g} every {interval} epochs</source>
        <translation>每 {interval} 轮衰减 {rate:g}</translation>
    </message>
    <message>
        <source>exponential decay {rate:g}</source>
        <translation>指数衰减 {rate:g}</translation>
    </message>
    <message>
        <source>inverse decay {rate:g}</source>
        <translation>反比衰减 {rate:g}</translation>
    </message>
    <message>
        <source>run</source>
        <translation>训练</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>the network {dims} does not fit the data: the data needs {n0} input(s) and {nL} output unit(s)</source>
        <translation>网络 {dims} 与数据不符：数据需要 {n0} 个输入和 {nL} 个输出单元</translation>
    </message>
    <message>
        <source>input features like x₁² are made from two inputs; this data has {n}</source>
        <translation>像 x₁² 这样的输入特征由两个输入构成；这份数据有 {n} 个输入</translation>
    </message>
    <message>
        <source>layer {l} needs between 1 and {max} units</source>
        <translation>第 {l} 层的单元数必须在 1 到 {max} 之间</translation>
    </message>
    <message>
        <source>softmax turns a layer into probabilities over classes, so only the output layer of a multi-class network can use it</source>
        <translation>softmax 把一层变成各个类别的概率，所以只有多分类网络的输出层才能使用它</translation>
    </message>
    <message>
        <source>The output layer must be {wanted}: two classes need one sigmoid unit: its output is the probability of class 1, which binary cross-entropy compares with the label.</source>
        <translation>输出层必须是 {wanted}：两个类别需要一个 sigmoid 单元，它的输出是类别 1 的概率，由二元交叉熵与标签比较。</translation>
    </message>
    <message>
        <source>The output layer must be {wanted}: {k} classes need {k} softmax units: one probability per class for categorical cross-entropy.</source>
        <translation>输出层必须是 {wanted}：{k} 个类别需要 {k} 个 softmax 单元，每个类别一个概率，用于分类交叉熵。</translation>
    </message>
    <message>
        <source>The output layer must be {wanted}: a regression predicts any real number, so the output is linear and trained with mean squared error.</source>
        <translation>输出层必须是 {wanted}：回归预测的是任意实数，所以输出是线性的，用均方误差训练。</translation>
    </message>
    <message>
        <source>The output layer must have {wanted} unit(s): one unit per class, and the data has {k} classes.</source>
        <translation>输出层必须有 {wanted} 个单元：每个类别一个单元，而数据有 {k} 个类别。</translation>
    </message>
    <message>
        <source>The output layer must have {wanted} unit(s): one sigmoid unit gives the probability of class 1 (class 0 is 1 minus it).</source>
        <translation>输出层必须有 {wanted} 个单元：一个 sigmoid 单元给出类别 1 的概率（类别 0 的概率是 1 减去它）。</translation>
    </message>
    <message>
        <source>The output layer must have {wanted} unit(s): the data has one target value per sample.</source>
        <translation>输出层必须有 {wanted} 个单元：数据的每个样本只有一个目标值。</translation>
    </message>
    <message>
        <source>a human-level cost must be a number ≥ 0; got {value}</source>
        <translation>人类水平代价必须是 ≥ 0 的数，但得到的是 {value}</translation>
    </message>
    <message>
        <source>a human-level error must be a share from 0 to 1; got {value}</source>
        <translation>人类水平误差必须是 0 到 1 之间的比例，但得到的是 {value}</translation>
    </message>
    <message>
        <source>there is no test set: choose a test share above 0 % in the data panel, train, then evaluate on the test set</source>
        <translation>没有测试集：请在数据面板中选择大于 0 % 的测试集比例，训练，然后在测试集上评估</translation>
    </message>
</context>
<context>
    <name>SpecError</name>
    <message>
        <source>no loss pairs with a {name!r} output; use sigmoid (two classes), softmax (several classes) or linear (regression) for the output layer</source>
        <translation>没有与 {name!r} 输出配对的损失函数；输出层请使用 sigmoid（两个类别）、softmax（多个类别）或 linear（回归）</translation>
    </message>
    <message>
        <source>a network needs an input size and at least one layer (the output)</source>
        <translation>网络需要输入大小和至少一层（输出层）</translation>
    </message>
    <message>
        <source>{L} layers need {L} activations, got {got}</source>
        <translation>{L} 层需要 {L} 个激活函数，但给出了 {got} 个</translation>
    </message>
    <message>
        <source>layer {l} has {n} units; every layer needs at least one unit</source>
        <translation>第 {l} 层有 {n} 个单元，而每一层至少需要一个单元</translation>
    </message>
    <message>
        <source>layer {l} has {n} units; the most a layer can have is {max}</source>
        <translation>第 {l} 层有 {n} 个单元，而一层最多只能有 {max} 个</translation>
    </message>
    <message>
        <source>layer {l}: unknown activation {name!r}</source>
        <translation>第 {l} 层：未知的激活函数 {name!r}</translation>
    </message>
    <message>
        <source>layer {l}: {name} can only be used in the output layer</source>
        <translation>第 {l} 层：{name} 只能用在输出层</translation>
    </message>
    <message>
        <source>a softmax output needs at least two units, one per class</source>
        <translation>softmax 输出至少需要两个单元，每个类别一个</translation>
    </message>
    <message>
        <source>unknown loss {name!r}</source>
        <translation>未知的损失函数 {name!r}</translation>
    </message>
    <message>
        <source>binary cross-entropy needs a sigmoid output (probabilities in 0..1)</source>
        <translation>二元交叉熵需要 sigmoid 输出（0..1 之间的概率）</translation>
    </message>
    <message>
        <source>categorical cross-entropy needs a softmax output with one unit per class (K ≥ 2)</source>
        <translation>分类交叉熵需要 softmax 输出，每个类别一个单元（K ≥ 2）</translation>
    </message>
    <message>
        <source>unknown initialisation {name!r}; choose one of {known}</source>
        <translation>未知的初始化方法 {name!r}；请从 {known} 中选择</translation>
    </message>
    <message>
        <source>precision must be float64 or float32, not {dtype!r}</source>
        <translation>精度必须是 float64 或 float32，而不是 {dtype!r}</translation>
    </message>
    <message>
        <source>the L2 strength λ cannot be negative</source>
        <translation>L2 强度 λ 不能为负</translation>
    </message>
    <message>
        <source>the L2 strength λ must be a finite number, not {value}</source>
        <translation>L2 强度 λ 必须是有限的数，而不是 {value}</translation>
    </message>
    <message>
        <source>batch_norm needs one value per hidden layer ({hidden}), got {got}</source>
        <translation>batch_norm 需要每个隐藏层一个值（{hidden} 个），实际为 {got} 个</translation>
    </message>
    <message>
        <source>the L1 strength λ₁ cannot be negative</source>
        <translation>L1 强度 λ₁ 不能为负</translation>
    </message>
    <message>
        <source>the L1 strength λ₁ must be a finite number, not {value}</source>
        <translation>L1 强度 λ₁ 必须是有限的数，而不是 {value}</translation>
    </message>
    <message>
        <source>keep_prob needs one value per hidden layer ({hidden}), got {got}</source>
        <translation>keep_prob 需要每个隐藏层一个值（{hidden} 个），实际为 {got} 个</translation>
    </message>
    <message>
        <source>layer {l}: keep_prob must be above 0 and at most 1 (1 keeps every unit), not {value}</source>
        <translation>第 {l} 层：keep_prob 必须大于 0 且不超过 1（1 表示保留所有单元），而不是 {value}</translation>
    </message>
</context>
<context>
    <name>SpeedControl</name>
    <message>
        <source>How fast training runs: from one update per frame, to watch each step change the boundary, to as fast as possible. It applies at once, also to a running run, and changes only the pace, never the numbers.</source>
        <translation>训练的速度：从每帧一次更新（可以看清每一步如何改变边界）到尽可能快。它立即生效，对正在进行的训练也一样，只改变节奏，从不改变数值。</translation>
    </message>
    <message>
        <source>Training speed</source>
        <translation>训练速度</translation>
    </message>
    <message>
        <source>&amp;Speed</source>
        <translation>速度(&amp;S)</translation>
    </message>
    <message>
        <source>{rate:,.0f}/s</source>
        <translation>{rate:,.0f}/秒</translation>
    </message>
    <message>
        <source>fastest</source>
        <translation>最快</translation>
    </message>
    <message>
        <source>updates (iterations) a second at most</source>
        <translation>每秒最多的更新（迭代）次数</translation>
    </message>
</context>
<context>
    <name>Split</name>
    <message>
        <source>the dev share (validation share) must be at least 0 and below 1 (e.g. 0.2); got {share}</source>
        <translation>验证集比例必须不小于 0 且小于 1（例如 0.2），但得到的是 {share}</translation>
    </message>
    <message>
        <source>the test share must be at least 0 and below 1 (e.g. 0.2); got {share}</source>
        <translation>测试集比例必须不小于 0 且小于 1（例如 0.2），但得到的是 {share}</translation>
    </message>
    <message>
        <source>a dev share of {dev:g} and a test share of {test:g} leave no training samples out of {m}; choose smaller shares (together well below 1)</source>
        <translation>验证集比例 {dev:g} 加上测试集比例 {test:g} 会使 {m} 个样本中没有训练样本；请选择更小的比例（两者之和应远小于 1）</translation>
    </message>
</context>
<context>
    <name>StepThrough</name>
    <message>
        <source>ReLU′(z) = 1 where z &gt; 0, else 0</source>
        <extracomment>one operation of the training step: a NumPy function and its arguments (Z (n, w) to overwrite with g(Z), a scratch array like it, a (1, w) row, zeros like Z) → ops (D (n, w): dA to overwrite with dZ, A = g(Z), a scratch like it, a bool mask like it, a row) g as the course writes it in a formula, &quot;σ&quot;, &quot;ReLU&quot;; &quot;&quot; when A = Z (linear) g(z) in plain notation, &quot;σ(z) = 1/(1+e⁻ᶻ)&quot; g′ in terms of z and a, &quot;σ′(z) = a (1 − a)&quot; (translatable where it is prose) Python source of ``def &lt;name&gt;(Z): …`` for the exported NumPy script</extracomment>
        <translation>ReLU′(z) 在 z &gt; 0 处为 1，否则为 0</translation>
    </message>
    <message>
        <source>LeakyReLU′(z) = 1 where z &gt; 0, else 0.01</source>
        <translation>LeakyReLU′(z) 在 z &gt; 0 处为 1，否则为 0.01</translation>
    </message>
    <message>
        <source>the softmax Jacobian</source>
        <translation>softmax 的雅可比矩阵</translation>
    </message>
    <message>
        <source>{first} {second}</source>
        <translation>{first}{second}</translation>
    </message>
    <message>
        <source>W[{l}] ({n}, {p}) times A[{q}] ({p}, {m}) gives ({n}, {m}): one column per sample. W[{l}] and b[{l}] have no m — every sample uses the same parameters — and b[{l}] ({n}, 1) is added to each of the {m} columns (broadcasting).</source>
        <translation>W[{l}] ({n}, {p}) 乘以 A[{q}] ({p}, {m}) 得到 ({n}, {m})：每个样本一列。W[{l}] 和 b[{l}] 的维度里没有 m——所有样本使用同一套参数——b[{l}] ({n}, 1) 会加到全部 {m} 列上（广播）。</translation>
    </message>
    <message>
        <source>A[0] is the input X, one sample per column.</source>
        <translation>A[0] 就是输入 X，每个样本一列。</translation>
    </message>
    <message>
        <source>W[{l}] ({n}, {p}) times A[{q}] ({p}, {m}) gives ({n}, {m}). With batch norm b[{l}] is left out: subtracting the mean would cancel it, and β[{l}] takes its place.</source>
        <translation>W[{l}] ({n}, {p}) 乘以 A[{q}] ({p}, {m}) 得到 ({n}, {m})。使用批归一化时省去 b[{l}]：减去均值会把它抵消掉，由 β[{l}] 取代它。</translation>
    </message>
    <message>
        <source>g[{l}] = {act} ({note}) acts on every entry of Z[{l}] on its own (softmax: on every column), so A[{l}] has the shape of Z[{l}].</source>
        <translation>g[{l}] = {act}（{note}）独立作用于 Z[{l}] 的每个元素（softmax：作用于每一列），所以 A[{l}] 与 Z[{l}] 形状相同。</translation>
    </message>
    <message>
        <source>g[{l}] = {act} ({note}) acts on every entry of Z[{l}] on its own, so A[{l}] has the shape of Z[{l}].</source>
        <translation>g[{l}] = {act}（{note}）独立作用于 Z[{l}] 的每个元素，所以 A[{l}] 与 Z[{l}] 形状相同。</translation>
    </message>
    <message>
        <source>A[{L}] is the prediction Ŷ.</source>
        <translation>A[{L}] 就是预测值 Ŷ。</translation>
    </message>
    <message>
        <source>The {loss} averaged over the m = {m} samples, plus the L2 penalty with λ = {l2:g}. Back propagation computes how J changes with every parameter.</source>
        <translation>{loss}在 m = {m} 个样本上的平均值，再加上 λ = {l2:g} 的 L2 惩罚项。反向传播计算 J 随每个参数如何变化。</translation>
    </message>
    <message>
        <source>The {loss} averaged over the m = {m} samples. Back propagation computes how J changes with every parameter.</source>
        <translation>{loss}在 m = {m} 个样本上的平均值。反向传播计算 J 随每个参数如何变化。</translation>
    </message>
    <message>
        <source>L1 regularisation adds (λ₁/m) Σ|W| with λ₁ = {l1:g}: the absolute values of all the weights, summed.</source>
        <translation>L1 正则化加上 (λ₁/m) Σ|W|，其中 λ₁ = {l1:g}：即所有权重绝对值之和。</translation>
    </message>
    <message>
        <source>For a {act} output with {loss} the derivatives simplify: the error of each output is just prediction minus label.</source>
        <translation>对于使用{loss}的 {act} 输出，导数可以化简：每个输出的误差就是预测值减去标签。</translation>
    </message>
    <message>
        <source>⊙ multiplies entry by entry, so dZ[{l}] has the shape of Z[{l}]. Here {prime}.</source>
        <translation>⊙ 逐元素相乘，所以 dZ[{l}] 与 Z[{l}] 形状相同。这里 {prime}。</translation>
    </message>
    <message>
        <source>({n}, {m}) · ({m}, {p}) = ({n}, {p}), the shape of W[{l}]: the product adds up the m = {m} samples, and 1/m turns the sum into an average.</source>
        <translation>({n}, {m}) · ({m}, {p}) = ({n}, {p})，正是 W[{l}] 的形状：矩阵乘积把 m = {m} 个样本加在一起，1/m 把总和变成平均值。</translation>
    </message>
    <message>
        <source>L2 regularisation adds (λ/m)·W[{l}] with λ = {l2:g}: the derivative of the penalty (λ/2m) Σ‖W‖² in the cost. It pulls every weight a little towards zero at each update (weight decay).</source>
        <translation>L2 正则化加上 (λ/m)·W[{l}]，其中 λ = {l2:g}：这是代价中惩罚项 (λ/2m) Σ‖W‖² 的导数。每次更新时，它都把每个权重往零拉一点（权重衰减）。</translation>
    </message>
    <message>
        <source>L1 regularisation adds (λ₁/m)·sign(W[{l}]) with λ₁ = {l1:g}: the derivative of (λ₁/m) Σ|W| (sign(0) = 0). It moves every weight by the same small step towards zero, so weights that matter little end up at zero.</source>
        <translation>L1 正则化加上 (λ₁/m)·sign(W[{l}])，其中 λ₁ = {l1:g}：这是 (λ₁/m) Σ|W| 的导数（sign(0) = 0）。它让每个权重都朝零移动同样的一小步，所以不太重要的权重最终变为零。</translation>
    </message>
    <message>
        <source>With batch norm b[{l}] is not used (β[{l}] does its job), so db[{l}] is 0 and b[{l}] stays 0.</source>
        <translation>使用批归一化时不用 b[{l}]（由 β[{l}] 起它的作用），所以 db[{l}] 为 0，b[{l}] 保持为 0。</translation>
    </message>
    <message>
        <source>Σ adds each row of dZ[{l}] over its {m} columns (numpy: np.sum(dZ, axis=1, keepdims=True)), giving the shape of b[{l}].</source>
        <translation>Σ 把 dZ[{l}] 的每一行在 {m} 列上求和（numpy：np.sum(dZ, axis=1, keepdims=True)），得到 b[{l}] 的形状。</translation>
    </message>
    <message>
        <source>The error flows back through the same weights: W[{l}]ᵀ ({p}, {n}) times dZ[{l}] ({n}, {m}) gives one gradient per unit of layer {q} and sample.</source>
        <translation>误差经由同样的权重反向流动：W[{l}]ᵀ ({p}, {n}) 乘以 dZ[{l}] ({n}, {m})，为第 {q} 层的每个单元和每个样本各得到一个梯度。</translation>
    </message>
    <message>
        <source>Gradient descent moves every parameter a small step against its gradient; the learning rate α = {lr:g} sets the step size.</source>
        <translation>梯度下降让每个参数沿梯度的反方向移动一小步；学习率 α = {lr:g} 决定步长。</translation>
    </message>
    <message>
        <source>Momentum moves every parameter against the averaged gradient v instead of this iteration&apos;s gradient alone; the learning rate α = {lr:g} sets the step size.</source>
        <translation>动量法让每个参数沿平均梯度 v 的反方向移动，而不只是沿本次迭代的梯度；学习率 α = {lr:g} 决定步长。</translation>
    </message>
    <message>
        <source>RMSprop divides each entry&apos;s step by √s + ε: entries whose gradients have been large take smaller steps, small ones larger steps. α = {lr:g}; ε = {eps:g} keeps the division safe.</source>
        <translation>RMSprop 把每个元素的步长除以 √s + ε：梯度一直较大的元素步子小一些，梯度较小的元素步子大一些。α = {lr:g}；ε = {eps:g} 防止除以零。</translation>
    </message>
    <message>
        <source>Adam steps along the corrected average of the gradients, divided entry by entry by the square root of the corrected average of their squares (the size of recent gradients) plus ε. α = {lr:g}; ε = {eps:g} keeps the division safe.</source>
        <translation>Adam 沿修正后的梯度平均值前进，并逐元素除以修正后的梯度平方平均值的平方根（即最近梯度的大小）加 ε。α = {lr:g}；ε = {eps:g} 防止除以零。</translation>
    </message>
    <message>
        <source>v_dW[{l}] is a moving average of the gradients: it keeps {beta} = {value:g} of the previous v and adds (1 − {beta}) of this iteration&apos;s dW[{l}], which smooths the steps. It has the shape of W[{l}] and started at zero; this is iteration t = {t}. v_db[{l}] does the same for b[{l}].</source>
        <translation>v_dW[{l}] 是梯度的滑动平均：它保留上一个 v 的 {beta} = {value:g} 倍，再加上本次迭代 dW[{l}] 的 (1 − {beta}) 倍，使每一步更平滑。它与 W[{l}] 形状相同，从零开始；现在是第 t = {t} 次迭代。v_db[{l}] 对 b[{l}] 做同样的事。</translation>
    </message>
    <message>
        <source>s_dW[{l}] is a moving average of the squared gradients (dW[{l}]² squares every entry on its own), with {beta} = {value:g}: it is large where the gradient has been large. It has the shape of W[{l}] and started at zero; this is iteration t = {t}.</source>
        <translation>s_dW[{l}] 是梯度平方的滑动平均（dW[{l}]² 对每个元素分别平方），其中 {beta} = {value:g}：梯度一直较大的地方，它也较大。它与 W[{l}] 形状相同，从零开始；现在是第 t = {t} 次迭代。</translation>
    </message>
    <message>
        <source>v and s start at zero, so in the first iterations their averages are too small. Adam divides them by 1 − βᵗ: at t = {t}, 1 − β₁ᵗ = {c1:.4g} and 1 − β₂ᵗ = {c2:.4g}. As t grows both approach 1 and the correction fades.</source>
        <translation>v 和 s 从零开始，所以在最初几次迭代中它们的平均值偏小。Adam 把它们除以 1 − βᵗ：在 t = {t} 时，1 − β₁ᵗ = {c1:.4g}，1 − β₂ᵗ = {c2:.4g}。随着 t 增大，两者都趋近 1，修正作用也逐渐消失。</translation>
    </message>
    <message>
        <source>Batch norm: the mean μ[{l}] and the variance σ²[{l}] of each unit over the m = {m} samples of the batch (sums along the rows), one number per unit: ({n}, 1).</source>
        <translation>批归一化：每个单元在本批 m = {m} 个样本上的均值 μ[{l}] 和方差 σ²[{l}]（沿行求和），每个单元一个数：({n}, 1)。</translation>
    </message>
    <message>
        <source>Each unit&apos;s values now have mean 0 and variance 1 over the batch; ε keeps the division safe when σ² is 0.</source>
        <translation>现在每个单元的值在本批上均值为 0、方差为 1；ε 保证 σ² 为 0 时除法仍然安全。</translation>
    </message>
    <message>
        <source>γ[{l}] and β[{l}] are learned like W: they give each unit the mean and spread that suit it. β[{l}] takes the place of b[{l}], which the subtraction of μ would cancel.</source>
        <translation>γ[{l}] 和 β[{l}] 像 W 一样被学习：它们给每个单元合适的均值和离散程度。β[{l}] 取代了 b[{l}]，因为减去 μ 会把 b[{l}] 抵消掉。</translation>
    </message>
    <message>
        <source>Dropout draws a mask of the shape of A[{l}]: each unit of each sample is kept (True) with probability keep_prob = {k:g}, so a different thinned network trains on every iteration.</source>
        <translation>随机失活抽取一个与 A[{l}] 形状相同的掩码：每个样本的每个单元以概率 keep_prob = {k:g} 被保留（True），所以每次迭代训练的是一个不同的、更稀疏的网络。</translation>
    </message>
    <message>
        <source>The dropped units become 0 and the kept ones are divided by keep_prob = {k:g}, so the expected value of A[{l}] stays the same (inverted dropout): prediction needs no change.</source>
        <translation>被丢弃的单元变为 0，保留的单元除以 keep_prob = {k:g}，于是 A[{l}] 的期望值保持不变（反向随机失活）：预测时无需任何改动。</translation>
    </message>
    <message>
        <source>Back propagation drops the same units as the forward pass, with the same mask D[{l}], and scales the kept ones by 1/keep_prob = 1/{k:g}: a dropped unit gets no gradient.</source>
        <translation>反向传播用同一个掩码 D[{l}] 丢弃与前向传播相同的单元，并把保留的单元乘以 1/keep_prob = 1/{k:g}：被丢弃的单元得不到梯度。</translation>
    </message>
    <message>
        <source>γ[{l}] multiplies Z_norm[{l}] and β[{l}] is added, so their gradients are the rows of dZ̃[{l}] ⊙ Z_norm[{l}] and of dZ̃[{l}], averaged over the m = {m} samples.</source>
        <translation>γ[{l}] 乘以 Z_norm[{l}]，β[{l}] 被加上，所以它们的梯度是 dZ̃[{l}] ⊙ Z_norm[{l}] 和 dZ̃[{l}] 的各行在 m = {m} 个样本上的平均。</translation>
    </message>
    <message>
        <source>Every sample&apos;s Z[{l}] moved μ and σ² of the batch, so the gradient reaching Z[{l}] loses its mean and its part along Z_norm[{l}] (means along the rows) before the division by √(σ² + ε).</source>
        <translation>每个样本的 Z[{l}] 都影响了本批的 μ 和 σ²，所以到达 Z[{l}] 的梯度要先减去它的均值和它沿 Z_norm[{l}] 的分量（沿行取均值），再除以 √(σ² + ε)。</translation>
    </message>
</context>
<context>
    <name>StepThroughView</name>
    <message>
        <source>Start a pass</source>
        <translation>开始一次传播</translation>
    </message>
    <message>
        <source>Iteration {i} comes next: it trains on all {m} training samples (full batch). Z, A and dZ below have one column per sample.</source>
        <translation>接下来是第 {i} 次迭代：它在全部 {m} 个训练样本上训练（全批量）。下面的 Z、A 和 dZ 每个样本占一列。</translation>
    </message>
    <message>
        <source>Iteration {i} comes next: it trains on a mini-batch of {w} of the {m} training samples, the first {w} in epoch {epoch}&apos;s shuffled order (a run starts each epoch&apos;s order from its beginning). Z, A and dZ below have one column per sample of that batch.</source>
        <translation>接下来是第 {i} 次迭代：它在 {m} 个训练样本中的 {w} 个组成的小批量上训练，即第 {epoch} 轮打乱顺序中的前 {w} 个（每次运行都从一轮顺序的开头开始）。下面的 Z、A 和 dZ 每个该批量中的样本占一列。</translation>
    </message>
    <message>
        <source>Compute the pass the next training iteration makes with the current weights — on its mini-batch when training uses mini-batches — and go through it step by step. The network itself is not changed.</source>
        <translation>用当前权重计算下一次训练迭代所做的一趟传播（使用小批量训练时就在它的小批量上），并一步一步查看。网络本身不会改变。</translation>
    </message>
    <message>
        <source>◂ Back</source>
        <translation>◂ 上一步</translation>
    </message>
    <message>
        <source>Go back one step (Left arrow).</source>
        <translation>回到上一步（左方向键）。</translation>
    </message>
    <message>
        <source>Next ▸</source>
        <translation>下一步 ▸</translation>
    </message>
    <message>
        <source>Go to the next step (Right arrow): forward through the layers, then the cost, back propagation from the output to layer 1, and the update.</source>
        <translation>进入下一步（右方向键）：先逐层前向传播，然后计算代价，再从输出层反向传播到第 1 层，最后更新参数。</translation>
    </message>
    <message>
        <source>The formula of this step with the real shapes of this network: (rows, columns). In a product A·B the columns of A must equal the rows of B. [l] is the layer; ᵀ is the transpose; ⊙ multiplies entry by entry.</source>
        <translation>这一步的公式，带有这个网络的实际形状：(行, 列)。在乘积 A·B 中，A 的列数必须等于 B 的行数。[l] 表示层；ᵀ 表示转置；⊙ 表示逐元素相乘。</translation>
    </message>
    <message>
        <source>Press “Start a pass” to see the arrays of every step here</source>
        <translation>按“开始一次传播”，在这里查看每一步的数组</translation>
    </message>
    <message>
        <source>The entry under the mouse pointer.</source>
        <translation>鼠标指针下的元素。</translation>
    </message>
    <message>
        <source>The network or the data changed after this pass was computed: press “Start over” to step through the current one.</source>
        <translation>计算这次传播之后，网络或数据发生了变化：请按“重新开始”逐步查看当前的网络。</translation>
    </message>
    <message>
        <source>Forward propagation, layer {l}: inverted dropout</source>
        <translation>前向传播，第 {l} 层：反向随机失活</translation>
    </message>
    <message>
        <source>Forward propagation, layer {l}: batch normalisation</source>
        <translation>前向传播，第 {l} 层：批归一化</translation>
    </message>
    <message>
        <source>Forward propagation, layer {l}: the linear step</source>
        <translation>前向传播，第 {l} 层：线性部分</translation>
    </message>
    <message>
        <source>Forward propagation, layer {l}: the activation</source>
        <translation>前向传播，第 {l} 层：激活函数</translation>
    </message>
    <message>
        <source>The cost J: how wrong the predictions are</source>
        <translation>代价 J：预测错得有多离谱</translation>
    </message>
    <message>
        <source>Back propagation, layer {l}: {name}</source>
        <translation>反向传播，第 {l} 层：{name}</translation>
    </message>
    <message>
        <source>{optimizer}, layer {l}: v, the moving average of the gradients</source>
        <translation>{optimizer}，第 {l} 层：v，梯度的滑动平均</translation>
    </message>
    <message>
        <source>{optimizer}, layer {l}: s, the moving average of the squared gradients</source>
        <translation>{optimizer}，第 {l} 层：s，梯度平方的滑动平均</translation>
    </message>
    <message>
        <source>Adam, layer {l}: bias correction of v and s</source>
        <translation>Adam，第 {l} 层：v 和 s 的偏差修正</translation>
    </message>
    <message>
        <source>Momentum update, layer {l}</source>
        <translation>动量法更新，第 {l} 层</translation>
    </message>
    <message>
        <source>RMSprop update, layer {l}</source>
        <translation>RMSprop 更新，第 {l} 层</translation>
    </message>
    <message>
        <source>Adam update, layer {l}</source>
        <translation>Adam 更新，第 {l} 层</translation>
    </message>
    <message>
        <source>Gradient descent update, layer {l}</source>
        <translation>梯度下降更新，第 {l} 层</translation>
    </message>
    <message>
        <source>Start over</source>
        <translation>重新开始</translation>
    </message>
    <message>
        <source>One pass, step by step</source>
        <translation>一次传播，逐步查看</translation>
    </message>
    <message>
        <source>Press “Start a pass” to compute one forward and one backward pass with the current weights, then use Next ▸ to follow every formula layer by layer.</source>
        <translation>按“开始一次传播”，用当前权重计算一次前向传播和一次反向传播，然后用“下一步 ▸”逐层跟随每个公式。</translation>
    </message>
    <message>
        <source>Step {i} of {n}</source>
        <translation>第 {i} 步，共 {n} 步</translation>
    </message>
    <message>
        <source>new {name}</source>
        <translation>新的 {name}</translation>
    </message>
    <message>
        <source>{name}: row {row}, column {col} = {value}</source>
        <translation>{name}：第 {row} 行，第 {col} 列 = {value}</translation>
    </message>
</context>
<context>
    <name>TrainingConfig</name>
    <message>
        <source>unknown learning-rate schedule {name!r}; choose one of {known}</source>
        <translation>未知的学习率衰减方式 {name!r}；请从以下选择：{known}</translation>
    </message>
    <message>
        <source>the decay rate must be a finite number ≥ 0, not {value}</source>
        <translation>衰减率必须是 ≥ 0 的有限数，而不是 {value}</translation>
    </message>
    <message>
        <source>exponential decay multiplies the rate by the decay rate every epoch: it must be above 0 and at most 1, not {value}</source>
        <translation>指数衰减每一轮都把学习率乘以衰减率：衰减率必须大于 0 且不超过 1，而不是 {value}</translation>
    </message>
    <message>
        <source>the decay interval must be at least 1 epoch, not {value}</source>
        <translation>衰减间隔至少为 1 轮，而不是 {value}</translation>
    </message>
    <message>
        <source>unknown way of shuffling {name!r}; choose one of {known}</source>
        <translation>未知的打乱方式 {name!r}；请从以下选择：{known}</translation>
    </message>
</context>
<context>
    <name>TrainingController</name>
    <message>
        <source>Training is in progress. Stop it (Train ▸ Stop) to change the network or the data.</source>
        <extracomment>the controller&apos;s own states; besides them it is RUNNING or PAUSED, as the engine reports a run</extracomment>
        <translation>正在训练。请先停止训练（训练 ▸ 停止），再修改网络或数据。</translation>
    </message>
    <message>
        <source>Training failed: {message}</source>
        <translation>训练失败：{message}</translation>
    </message>
    <message>
        <source>Training stopped: the network changed while it ran.</source>
        <translation>训练已停止：训练过程中网络发生了变化。</translation>
    </message>
    <message>
        <source>Training stopped: the network or the data changed while it ran.</source>
        <translation>训练已停止：训练过程中网络或数据发生了变化。</translation>
    </message>
</context>
<context>
    <name>TrainingDataError</name>
    <message>
        <source>{name} must hold numbers, not {kind} values</source>
        <translation>{name} 必须包含数字，而不是 {kind} 类型的值</translation>
    </message>
    <message>
        <source>{name} has shape {shape}, but the input layer has n[0] = {n0} units: {name} must be (n0, m) = ({n0}, m), one sample per column</source>
        <translation>{name} 的形状是 {shape}，但输入层有 n[0] = {n0} 个单元：{name} 必须是 (n0, m) = ({n0}, m)，每个样本一列</translation>
    </message>
    <message>
        <source>{name} holds {count} values that are not finite numbers (NaN or infinity), the first in row {row}, sample {sample}; fill in or remove those samples before training</source>
        <translation>{name} 中有 {count} 个值不是有限的数（NaN 或无穷大），第一个在第 {row} 行、样本 {sample}；训练前请补全或删除这些样本</translation>
    </message>
    <message>
        <source>{name} has shape {shape}; the output layer has n[L] = {n} units, so {name} must be (n[L], m) = ({n}, m)</source>
        <translation>{name} 的形状是 {shape}；输出层有 n[L] = {n} 个单元，所以 {name} 必须是 (n[L], m) = ({n}, m)</translation>
    </message>
    <message>
        <source>{name} has {labels} columns but X has {m}; every sample (column of X) needs exactly one label (column of {name})</source>
        <translation>{name} 有 {labels} 列，但 X 有 {m} 列；每个样本（X 的一列）都需要正好一个标签（{name} 的一列）</translation>
    </message>
    <message>
        <source>{name} holds a label that is not a finite number (NaN or infinity) for sample {sample}; fill in or remove the samples without a label</source>
        <translation>{name} 中样本 {sample} 的标签不是有限的数（NaN 或无穷大）；请补上标签，或删除没有标签的样本</translation>
    </message>
    <message>
        <source>{name} gives sample {sample} the class {value:g}; the softmax output has {K} units, so each label must be a class index 0, 1, …, {last}</source>
        <translation>{name} 给样本 {sample} 的类别是 {value:g}；softmax 输出有 {K} 个单元，所以每个标签都必须是类别序号 0, 1, …, {last}</translation>
    </message>
    <message>
        <source>column {sample} of {name} holds {value:g}, but is not one-hot: categorical cross-entropy needs one 1 and zeros elsewhere in each column (or a class index 0, 1, …, {last} per sample)</source>
        <translation>{name} 的第 {sample} 列含有 {value:g}，不是独热编码：分类交叉熵要求每一列有一个 1、其余都是 0（或者每个样本一个类别序号 0, 1, …, {last}）</translation>
    </message>
    <message>
        <source>{name} gives sample {sample} the label {value:g}; binary cross-entropy (a sigmoid output) needs labels 0 or 1: number the two classes 0 and 1</source>
        <translation>{name} 给样本 {sample} 的标签是 {value:g}；二元交叉熵（sigmoid 输出）要求标签为 0 或 1：请把两个类别编号为 0 和 1</translation>
    </message>
    <message>
        <source>there are no training samples (m = 0); choose or import a data set first</source>
        <translation>没有训练样本（m = 0）；请先选择或导入一个数据集</translation>
    </message>
    <message>
        <source>Use fewer or smaller layers, or fewer samples: even a batch of one sample would not fit.</source>
        <translation>请减少层数或缩小各层，或减少样本：即使每批只有一个样本也放不下。</translation>
    </message>
    <message>
        <source>Train in mini-batches of {batch} samples (batch size {batch}) or fewer, or use fewer or smaller layers.</source>
        <translation>请用每批不超过 {batch} 个样本的小批量训练（批量大小 {batch}），或减少层数、缩小各层。</translation>
    </message>
    <message>
        <source>Training this network on {m} samples needs about {need} of memory, but only {free} is available. {advice}</source>
        <translation>在 {m} 个样本上训练这个网络大约需要 {need} 内存，但只有 {free} 可用。{advice}</translation>
    </message>
</context>
<context>
    <name>TrainingPanel</name>
    <message>
        <source>α, the size of each step: W[l] ← W[l] − α·dW[l]. Too small and learning crawls; too large and the cost jumps around or blows up.</source>
        <translation>α，每一步的大小：W[l] ← W[l] − α·dW[l]。太小则学得很慢；太大则代价来回跳动甚至爆炸。</translation>
    </message>
    <message>
        <source>Set learning rate α to {value:g}</source>
        <translation>将学习率 α 设为 {value:g}</translation>
    </message>
    <message>
        <source>Passes over the training data per Train. With the full batch one epoch is one iteration (one gradient step); Train again continues where the run stopped.</source>
        <translation>每次“训练”遍历训练数据的轮数。使用全批量时，一轮就是一次迭代（一步梯度下降）；再次“训练”会从上次停下的地方继续。</translation>
    </message>
    <message>
        <source>Set epochs to {value}</source>
        <translation>将轮数设为 {value}</translation>
    </message>
    <message>
        <source>full batch</source>
        <translation>全批量</translation>
    </message>
    <message>
        <source>Samples per gradient step. Full batch uses all m samples (the course&apos;s gradient descent); a mini-batch of size B takes ⌈m / B⌉ noisier steps per epoch.</source>
        <translation>每一步梯度下降使用的样本数。全批量使用全部 m 个样本（即课程中的梯度下降）；大小为 B 的小批量每轮走 ⌈m / B⌉ 步，每一步更嘈杂。</translation>
    </message>
    <message>
        <source>Set batch size to {value}</source>
        <translation>将批量大小设为 {value}</translation>
    </message>
    <message>
        <source>Gradient descent</source>
        <extracomment>α, for every optimizer: a positive finite step size λ, the L2 strength of the network&apos;s cost (kept in its spec, checked by it) λ₁, the L1 strength of the network&apos;s cost (λ₁/m·Σ|W[l]|; kept in its spec, checked by it) the parts of an update the step-through shows, in the order they are computed: the moving average v of the gradients, the moving average s of their squares, the bias correction of both, and the step itself the name the interface shows (a :func:`~nnstudio.text.translatable` text; show it with :func:`~nnstudio.text.localized`) the valid range of each of ``hyperparameter_names`` the parts of the update, in order (from VELOCITY, SQUARES, CORRECTION, APPLY) the step subtracted from a parameter in plain notation; ``{dW}`` is its gradient, ``{v}``, ``{s}`` the moving averages and ``{v_hat}``, ``{s_hat}`` their bias-corrected values what the step does, with ``{lr}`` for α and ``{eps}`` for ε (translatable) state slots the fused update keeps, as key prefixes (&quot;v&quot; → &quot;v_W1&quot;, &quot;v_b1&quot;, …) whether ``_fused_update`` exists (subclasses that only define ``_update_one`` fall back to ``update`` with a dict of gradient views) how many scratch vectors (each the size of the parameter vector) the fused update uses</extracomment>
        <translation>梯度下降</translation>
    </message>
    <message>
        <source>Momentum</source>
        <translation>动量法</translation>
    </message>
    <message>
        <source>RMSprop</source>
        <translation>RMSprop</translation>
    </message>
    <message>
        <source>Adam</source>
        <translation>Adam</translation>
    </message>
    <message>
        <source>How a gradient becomes a step: plain gradient descent, momentum (a running average of gradients), RMSprop (steps scaled by recent gradient size) or Adam (both). Adam and RMSprop usually want a learning rate near 0.001–0.01.</source>
        <translation>梯度如何变成一步：普通梯度下降、动量法（梯度的滑动平均）、RMSprop（按最近的梯度大小缩放步长）或 Adam（两者兼有）。Adam 和 RMSprop 通常适合 0.001–0.01 左右的学习率。</translation>
    </message>
    <message>
        <source>Use initialisation {name}</source>
        <translation>使用 {name} 初始化</translation>
    </message>
    <message>
        <source>The random seed of the initial weights: the same seed gives the same weights, so two runs differ only in what you changed. Changing it draws new weights.</source>
        <translation>初始权重的随机种子：相同的种子给出相同的权重，因此两次训练只在你改动的地方不同。更改后会重新生成权重。</translation>
    </message>
    <message>
        <source>Set seed to {value}</source>
        <translation>将随机种子设为 {value}</translation>
    </message>
    <message>
        <source>float64 (about 16 significant digits) or float32 (about 7, faster and how deep-learning libraries train). Changing it draws new weights.</source>
        <translation>float64（约 16 位有效数字）或 float32（约 7 位，更快，也是深度学习框架训练时用的精度）。更改后会重新生成权重。</translation>
    </message>
    <message>
        <source>Use precision {dtype}</source>
        <translation>使用 {dtype} 精度</translation>
    </message>
    <message>
        <source>Hyperparameters</source>
        <translation>超参数</translation>
    </message>
    <message>
        <source>&amp;Learning rate α</source>
        <translation>学习率 α(&amp;L)</translation>
    </message>
    <message>
        <source>E&amp;pochs</source>
        <translation>轮数(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Optimizer</source>
        <translation>优化器(&amp;O)</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>批量大小</translation>
    </message>
    <message>
        <source>Initialisation</source>
        <translation>初始化</translation>
    </message>
    <message>
        <source>L2 λ</source>
        <translation>L2 λ</translation>
    </message>
    <message>
        <source>L1 λ₁</source>
        <translation>L1 λ₁</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>精度</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <source>One iteration: one forward pass, one backward pass, one update</source>
        <translation>一次迭代：一次前向传播、一次反向传播、一次更新</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>End the run and keep its weights; Train continues from them</source>
        <translation>结束本次训练并保留权重；再次“训练”会从这些权重继续</translation>
    </message>
    <message>
        <source>Reset weights</source>
        <translation>重置权重</translation>
    </message>
    <message>
        <source>Draw the initial weights again from the seed (the same seed gives the same weights) and forget the history, so runs start alike</source>
        <translation>用随机种子重新生成初始权重（相同的种子给出相同的权重），并清空历史记录，使每次训练从同样的起点开始</translation>
    </message>
    <message>
        <source>iteration %v / %m</source>
        <translation>迭代 %v / %m</translation>
    </message>
    <message>
        <source>&amp;Train</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Step</source>
        <translation>单步(&amp;S)</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>停止(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Reset weights</source>
        <translation>重置权重(&amp;R)</translation>
    </message>
    <message>
        <source>Train the network; while training, pause it</source>
        <translation>训练网络；训练过程中则暂停</translation>
    </message>
    <message>
        <source>One iteration: forward pass, backward pass, update</source>
        <translation>一次迭代：前向传播、反向传播、更新</translation>
    </message>
    <message>
        <source>End the run and keep its weights</source>
        <translation>结束本次训练并保留权重</translation>
    </message>
    <message>
        <source>Draw the initial weights again from the seed</source>
        <translation>用随机种子重新生成初始权重</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>继续(&amp;R)</translation>
    </message>
    <message>
        <source>Stop training to change the hyperparameters: the run uses the values it started with.</source>
        <translation>请先停止训练再修改超参数：本次训练使用它开始时的值。</translation>
    </message>
    <message>
        <source>The run takes a new value at its next update (marked on the cost curve).</source>
        <translation>训练会在下一次更新时采用新值（在代价曲线上标出）。</translation>
    </message>
    <message>
        <source>iteration {value} / {total}</source>
        <translation>迭代 {value} / {total}</translation>
    </message>
    <message>
        <source>iteration {value} ({done} / {planned} of this run)</source>
        <translation>迭代 {value}（本次训练 {done} / {planned}）</translation>
    </message>
    <message>
        <source>iteration {value} (Train adds {planned})</source>
        <translation>迭代 {value}（训练将再增加 {planned} 次）</translation>
    </message>
    <message>
        <source>{rate:,.0f} it/s</source>
        <translation>{rate:,.0f} 次迭代/秒</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>代价</translation>
    </message>
    <message>
        <source>The cost J and the accuracy as it trains</source>
        <translation>训练过程中的代价 J 和准确率</translation>
    </message>
    <message>
        <source>Activations</source>
        <translation>激活值</translation>
    </message>
    <message>
        <source>A[l] for a batch of samples: saturated and dead units show here</source>
        <translation>一批样本的 A[l]：饱和单元和死亡单元会在这里显现</translation>
    </message>
    <message>
        <source>Decision boundary</source>
        <translation>决策边界</translation>
    </message>
    <message>
        <source>The network&apos;s output over the input plane, behind the data</source>
        <translation>网络在输入平面上的输出，数据点叠在上面</translation>
    </message>
    <message>
        <source>Unit &amp;pictures</source>
        <translation>单元图像(&amp;P)</translation>
    </message>
    <message>
        <source>Show in each unit of the network diagram its output over the input plane (two inputs only)</source>
        <translation>在网络图的每个单元中显示它在输入平面上的输出（仅限两个输入）</translation>
    </message>
    <message>
        <source>Use optimizer {name} with α = {rate:g}</source>
        <translation>使用 {name} 优化器，α = {rate:g}</translation>
    </message>
    <message>
        <source>Use learning-rate decay {name}</source>
        <translation>使用学习率衰减 {name}</translation>
    </message>
    <message>
        <source>Set L2 λ to {value:g}</source>
        <translation>将 L2 λ 设为 {value:g}</translation>
    </message>
    <message>
        <source>Set L1 λ₁ to {value:g}</source>
        <translation>将 L1 λ₁ 设为 {value:g}</translation>
    </message>
    <message>
        <source>λ of L2 regularisation: the cost gains λ/(2m)·Σ‖W[l]‖², which keeps the weights small and the boundary smooth. 0 turns it off.</source>
        <translation>L2 正则化的 λ：代价会加上 λ/(2m)·Σ‖W[l]‖²，使权重保持较小、决策边界更平滑。设为 0 即关闭。</translation>
    </message>
    <message>
        <source>λ₁ of L1 regularisation: the cost gains λ₁/m·Σ|W[l]| (no ½, unlike L2), so each update moves every weight by λ₁/m·α towards zero (sign(W), with sign(0) = 0). Weights that matter little end up at zero. 0 turns it off.</source>
        <translation>L1 正则化的 λ₁：代价会加上 λ₁/m·Σ|W[l]|（与 L2 不同，没有 ½），所以每次更新都让每个权重朝零移动 λ₁/m·α（sign(W)，sign(0) = 0）。不太重要的权重最终变为零。设为 0 即关闭。</translation>
    </message>
    <message>
        <source>W[l] = randn(n[l], n[l-1]) · 0.01: small random weights break the symmetry; in a deep network the activations shrink layer by layer.</source>
        <translation>W[l] = randn(n[l], n[l-1]) · 0.01：小随机权重打破对称性；在深层网络中激活值会一层层变小。</translation>
    </message>
    <message>
        <source>W[l] = randn(n[l], n[l-1]) · √(1/n[l-1]): keeps the spread of Z[l] near 1, suited to tanh.</source>
        <translation>W[l] = randn(n[l], n[l-1]) · √(1/n[l-1])：让 Z[l] 的离散程度保持在 1 附近，适合 tanh。</translation>
    </message>
    <message>
        <source>W[l] = randn(n[l], n[l-1]) · √(2/n[l-1]): the course&apos;s choice for ReLU layers; the spread of the activations neither vanishes nor explodes.</source>
        <translation>W[l] = randn(n[l], n[l-1]) · √(2/n[l-1])：课程为 ReLU 层选择的初始化；激活值的离散程度既不消失也不爆炸。</translation>
    </message>
    <message>
        <source>W[l] = 0: every unit of a layer computes the same thing and gets the same gradient, so the symmetry is never broken and the layer acts as one unit.</source>
        <translation>W[l] = 0：同一层的每个单元计算相同的东西、得到相同的梯度，对称性永远不会被打破，整层就像只有一个单元。</translation>
    </message>
    <message>
        <source>W[l] = randn(n[l], n[l-1]) · 10: Z[l] becomes huge, so sigmoid and tanh saturate near 0 or 1 where g′(Z) ≈ 0; the gradients vanish, the first cost is very high and learning crawls.</source>
        <translation>W[l] = randn(n[l], n[l-1]) · 10：Z[l] 变得很大，sigmoid 和 tanh 饱和在 0 或 1 附近，那里 g′(Z) ≈ 0；梯度消失，最初的代价很高，学习非常缓慢。</translation>
    </message>
    <message>
        <source>small (× 0.01)</source>
        <translation>小随机数 (× 0.01)</translation>
    </message>
    <message>
        <source>Xavier (× √(1/n[l-1]))</source>
        <translation>Xavier (× √(1/n[l-1]))</translation>
    </message>
    <message>
        <source>He (× √(2/n[l-1]))</source>
        <translation>He (× √(2/n[l-1]))</translation>
    </message>
    <message>
        <source>zeros (symmetric: fails)</source>
        <translation>全零（对称：会失败）</translation>
    </message>
    <message>
        <source>large (× 10: saturates)</source>
        <translation>大 (× 10：饱和)</translation>
    </message>
    <message>
        <source>How W[l] starts: random numbers times a scale (b[l] starts at 0). Zeros make every unit of a layer identical, so they never learn different features; large weights (× 10) saturate sigmoid and tanh so the gradients vanish. Changing it draws new weights.</source>
        <translation>W[l] 如何开始：随机数乘以一个比例（b[l] 从 0 开始）。全零让一层的每个单元都一样，它们永远学不到不同的特征；很大的权重（× 10）让 sigmoid 和 tanh 饱和，梯度消失。更改它会重新抽取权重。</translation>
    </message>
</context>
<context>
    <name>TrainingStatus</name>
    <message>
        <source>Iteration {step}</source>
        <translation>第 {step} 次迭代</translation>
    </message>
    <message>
        <source>Iteration {step} · cost {cost} · dev cost {val}</source>
        <translation>第 {step} 次迭代 · 代价 {cost} · 验证代价 {val}</translation>
    </message>
    <message>
        <source>Iteration {step} · cost {cost} · train {train} · dev {val}</source>
        <translation>第 {step} 次迭代 · 代价 {cost} · 训练 {train} · 验证 {val}</translation>
    </message>
</context>
<context>
    <name>Tuning</name>
    <message>
        <source>the range of {name} must go from a low to a high value between {a:g} and {b:g}; got {low:g} to {high:g}</source>
        <translation>{name} 的范围必须从低值到高值，且都在 {a:g} 与 {b:g} 之间；现在是 {low:g} 到 {high:g}</translation>
    </message>
    <message>
        <source>choose at least one hyperparameter to search</source>
        <translation>请至少选择一个要搜索的超参数</translation>
    </message>
    <message>
        <source>tuning {number}: {values}</source>
        <translation>调参 {number}：{values}</translation>
    </message>
    <message>
        <source>a search makes between 1 and {max} runs</source>
        <translation>一次搜索的训练次数须在 1 到 {max} 之间</translation>
    </message>
    <message>
        <source>each run trains between 1 and {max} epochs</source>
        <translation>每次训练的轮数须在 1 到 {max} 之间</translation>
    </message>
    <message>
        <source>the network has no hidden layer whose units or keep_prob a search could choose: add one in the builder, or search other hyperparameters</source>
        <translation>网络没有隐藏层，无法搜索单元数或 keep_prob：请在构建器中添加一个隐藏层，或搜索其他超参数</translation>
    </message>
    <message>
        <source>a search judges runs on the dev set and this data has none: choose a dev share above 0 % in the data panel</source>
        <translation>搜索要用验证集评判每次训练，而这份数据没有验证集：请在数据面板中把验证集比例设为大于 0 %</translation>
    </message>
</context>
<context>
    <name>TuningView</name>
    <message>
        <source>Learning rate α (log scale)</source>
        <translation>学习率 α（对数尺度）</translation>
    </message>
    <message>
        <source>L2 λ (log scale)</source>
        <translation>L2 λ（对数尺度）</translation>
    </message>
    <message>
        <source>Dropout keep_prob of every hidden layer</source>
        <translation>每个隐藏层的随机失活 keep_prob</translation>
    </message>
    <message>
        <source>Units n[l] of every hidden layer</source>
        <translation>每个隐藏层的单元数 n[l]</translation>
    </message>
    <message>
        <source>from</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>到</translation>
    </message>
    <message>
        <source>{name}: lowest value</source>
        <translation>{name}：最低值</translation>
    </message>
    <message>
        <source>{name}: highest value</source>
        <translation>{name}：最高值</translation>
    </message>
    <message>
        <source>Sampled on a log scale: as many runs between 0.0001 and 0.001 as between 0.1 and 1. Sampled uniformly, nine runs in ten would land in the top decade.</source>
        <translation>在对数尺度上取样：落在 0.0001 与 0.001 之间的训练次数和落在 0.1 与 1 之间的一样多。若均匀取样，十次里有九次会落在最高的那个数量级。</translation>
    </message>
    <message>
        <source>Sampled on a log scale, like α: λ acts by its order of magnitude.</source>
        <translation>和 α 一样在对数尺度上取样：λ 起作用的是它的数量级。</translation>
    </message>
    <message>
        <source>Sampled uniformly between the two values (the low end left out), the same for every hidden layer; 1 keeps every unit. The dev error is measured without dropout, as predictions are made.</source>
        <translation>在两个值之间均匀取样（不含低端），每个隐藏层都相同；1 表示保留所有单元。验证误差在不使用随机失活的情况下测量，与预测时一样。</translation>
    </message>
    <message>
        <source>A whole number from the range, the same for every hidden layer.</source>
        <translation>从范围中取一个整数，每个隐藏层都相同。</translation>
    </message>
    <message>
        <source>How many short runs the search makes</source>
        <translation>搜索要做多少次短训练</translation>
    </message>
    <message>
        <source>Epochs each run trains: short runs are enough to tell good values from bad</source>
        <translation>每次训练的轮数：短训练已足以分辨好值和坏值</translation>
    </message>
    <message>
        <source>The same seed samples the same values again</source>
        <translation>同一个种子会再次取到同样的值</translation>
    </message>
    <message>
        <source>Runs:</source>
        <translation>训练次数：</translation>
    </message>
    <message>
        <source>Epochs per run:</source>
        <translation>每次轮数：</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>随机种子：</translation>
    </message>
    <message>
        <source>Start search</source>
        <translation>开始搜索</translation>
    </message>
    <message>
        <source>Train the runs one after another on a copy of the network, each from fresh initial weights; your network and its settings stay as they are</source>
        <translation>在网络的副本上逐次训练，每次都从重新初始化的权重开始；你的网络及其设置保持不变</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>%v of %m runs</source>
        <translation>%v / %m 次训练</translation>
    </message>
    <message>
        <source>How many of the best runs to send</source>
        <translation>发送多少次最佳训练</translation>
    </message>
    <message>
        <source>Send best to Compare runs</source>
        <translation>将最佳结果发送到比较训练记录</translation>
    </message>
    <message>
        <source>Keep the runs with the lowest dev error in Compare runs, named by their values</source>
        <translation>把验证误差最低的几次训练保存到“比较训练记录”，以其取值命名</translation>
    </message>
    <message>
        <source>Best:</source>
        <translation>最佳：</translation>
    </message>
    <message>
        <source>Choose what to search and press Start: each run trains a copy of the network on the training set and is judged by its error on the dev set.</source>
        <translation>选择要搜索的内容并按“开始搜索”：每次训练都在训练集上训练网络的一个副本，并按它在验证集上的误差评判。</translation>
    </message>
    <message>
        <source>Training is in progress: stop it (Train ▸ Stop) to start a search.</source>
        <translation>正在训练：请先停止训练（训练 ▸ 停止），再开始搜索。</translation>
    </message>
    <message>
        <source>The search cannot start: {reason}</source>
        <translation>无法开始搜索：{reason}</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>正在搜索…</translation>
    </message>
    <message>
        <source>Search finished: {n} runs.</source>
        <translation>搜索完成：共 {n} 次训练。</translation>
    </message>
    <message>
        <source>Search cancelled after {n} runs.</source>
        <translation>搜索在 {n} 次训练后已取消。</translation>
    </message>
    <message>
        <source>Lowest dev error: {error} ({name}).</source>
        <translation>最低验证误差：{error}（{name}）。</translation>
    </message>
    <message>
        <source>The search stopped with an error: {message}. Try a smaller range or fewer units.</source>
        <translation>搜索因错误而停止：{message}。请尝试更小的范围或更少的单元。</translation>
    </message>
    <message>
        <source>diverged</source>
        <translation>发散</translation>
    </message>
    <message>
        <source>learning rate α</source>
        <translation>学习率 α</translation>
    </message>
    <message>
        <source>L2 λ</source>
        <translation>L2 λ</translation>
    </message>
    <message>
        <source>units n[l]</source>
        <translation>单元数 n[l]</translation>
    </message>
    <message>
        <source>dev cost</source>
        <translation>验证代价</translation>
    </message>
    <message>
        <source>dev error (%)</source>
        <translation>验证误差 (%)</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Training cost</source>
        <translation>训练代价</translation>
    </message>
    <message>
        <source>Training error</source>
        <translation>训练误差</translation>
    </message>
    <message>
        <source>Dev cost</source>
        <translation>验证代价</translation>
    </message>
    <message>
        <source>Dev error</source>
        <translation>验证误差</translation>
    </message>
    <message>
        <source>Sent {n} runs to Compare runs, best first.</source>
        <translation>已将 {n} 次训练发送到“比较训练记录”，最佳的在前。</translation>
    </message>
</context>
<context>
    <name>UnitCursor</name>
    <message>
        <source>Network diagram</source>
        <translation>网络图</translation>
    </message>
    <message>
        <source>{diagram}: {unit}</source>
        <translation>{diagram}：{unit}</translation>
    </message>
    <message>
        <source>The network&apos;s units, column by column from the input X to the output. Use the arrow keys to move between units and Enter to select one.</source>
        <translation>网络的单元，从输入 X 到输出逐列排列。用方向键在单元之间移动，按 Enter 选中一个。</translation>
    </message>
</context>
<context>
    <name>Verdict</name>
    <message>
        <source>High bias (underfitting)</source>
        <translation>高偏差（欠拟合）</translation>
    </message>
    <message>
        <source>High variance (overfitting)</source>
        <translation>高方差（过拟合）</translation>
    </message>
    <message>
        <source>High bias and high variance</source>
        <translation>高偏差且高方差</translation>
    </message>
    <message>
        <source>Low bias and low variance</source>
        <translation>低偏差且低方差</translation>
    </message>
    <message>
        <source>Avoidable bias = training error − human-level error = {bias}; variance = dev error − training error = {variance}. A gap of {limit} or more counts as high.</source>
        <translation>可避免偏差 = 训练误差 − 人类水平误差 = {bias}；方差 = 验证误差 − 训练误差 = {variance}。差距达到 {limit} 或以上即算作高。</translation>
    </message>
    <message>
        <source>A regression has no error rate, so the cost J is compared instead. Avoidable bias = training cost − human-level cost = {bias}; variance = dev cost − training cost = {variance}. A gap of {limit} (5 % of the cost the run started from) or more counts as high.</source>
        <translation>回归没有错误率，因此改为比较代价 J。可避免偏差 = 训练代价 − 人类水平代价 = {bias}；方差 = 验证代价 − 训练代价 = {variance}。差距达到 {limit}（本次训练起始代价的 5 %）或以上即算作高。</translation>
    </message>
    <message>
        <source>The network does not yet fit the data it learns from: try a bigger network (more units or layers), train longer (more epochs or a better optimizer such as Adam), or another architecture.</source>
        <translation>网络连它学习的数据都还拟合不好：试试更大的网络（更多单元或层）、训练更久（更多轮数或更好的优化器，如 Adam），或换一种网络结构。</translation>
    </message>
    <message>
        <source>The network does much better on its training data than on the dev set: try more training data, regularisation (a larger L2 λ, dropout), or another architecture.</source>
        <translation>网络在训练数据上的表现远好于验证集：试试更多训练数据、正则化（更大的 L2 λ、随机失活），或换一种网络结构。</translation>
    </message>
    <message>
        <source>Both gaps are small. Evaluate on the test set once, to report how the network does on data that chose none of its settings.</source>
        <translation>两个差距都很小。在测试集上评估一次，报告网络在没有参与任何设置选择的数据上的表现。</translation>
    </message>
    <message>
        <source>Work on the larger gap first. {first} Then: {then}</source>
        <translation>先处理较大的差距。{first} 然后：{then}</translation>
    </message>
</context>
<context>
    <name>ViewBox</name>
    <message>
        <source>ViewBox options</source>
        <translation>视图选项</translation>
    </message>
    <message>
        <source>View All</source>
        <translation>显示全部</translation>
    </message>
    <message>
        <source>axis</source>
        <translation>轴</translation>
    </message>
    <message>
        <source>Mouse Mode</source>
        <translation>鼠标模式</translation>
    </message>
    <message>
        <source>3 button</source>
        <translation>三键（拖动平移）</translation>
    </message>
    <message>
        <source>1 button</source>
        <translation>单键（框选缩放）</translation>
    </message>
</context>
<context>
    <name>WeightEditor</name>
    <message>
        <source>Set a weight</source>
        <translation>设置权重</translation>
    </message>
    <message>
        <source>W[{l}][{i}, {j}] = {w}: how strongly unit {j} of layer [{p}] drives unit {i} of layer [{l}].
Set it and watch the pictures and the boundary change; Ctrl+Z takes it back.</source>
        <translation>W[{l}][{i}, {j}] = {w}：第 [{p}] 层的单元 {j} 对第 [{l}] 层的单元 {i} 的影响有多强。
设置它，看单元图像和边界如何变化；Ctrl+Z 可以撤回。</translation>
    </message>
    <message>
        <source>Set W[{l}][{i}, {j}] = {w}</source>
        <translation>设置 W[{l}][{i}, {j}] = {w}</translation>
    </message>
</context>
<context>
    <name>WelcomeTour</name>
    <message>
        <source>Close the tour (Esc). Help ▸ Welcome tour opens it again.</source>
        <translation>关闭导览（Esc）。可从 帮助 ▸ 欢迎导览 再次打开。</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>上一步</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>WELCOME TOUR · {i} OF {n}</source>
        <translation>欢迎导览 · 第 {i} / {n} 步</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>On the right is your data: m = {m} training samples, each one a column of X with n&lt;sup&gt;[0]&lt;/sup&gt; = {n0} features. In the middle is the network that learns from it, a {L}-layer network: {layers}. Input and output do not count as layers.</source>
        <translation>右边是你的数据：m = {m} 个训练样本，每个样本是 X 的一列，有 n&lt;sup&gt;[0]&lt;/sup&gt; = {n0} 个特征。中间是从数据中学习的网络，一个 {L} 层网络：{layers}。输入和输出不计为层。</translation>
    </message>
    <message>
        <source>Each row of the dimension table is one layer l. W&lt;sup&gt;[1]&lt;/sup&gt; is ({n1}, {n0}): one row per unit of layer 1, one column per input feature. It has no m, because every sample uses the same weights. Z&lt;sup&gt;[1]&lt;/sup&gt; and A&lt;sup&gt;[1]&lt;/sup&gt; are ({n1}, {m}): one column per sample.</source>
        <translation>维度表的每一行是一层 l。W&lt;sup&gt;[1]&lt;/sup&gt; 的形状是 ({n1}, {n0})：第 1 层每个单元一行，每个输入特征一列。它没有 m，因为每个样本使用同样的权重。Z&lt;sup&gt;[1]&lt;/sup&gt; 和 A&lt;sup&gt;[1]&lt;/sup&gt; 的形状是 ({n1}, {m})：每个样本一列。</translation>
    </message>
    <message>
        <source>Welcome to NN Studio</source>
        <translation>欢迎使用 NN Studio</translation>
    </message>
    <message>
        <source>Click Next for a short tour: four steps to a trained network.</source>
        <translation>点击“下一步”开始简短导览：四步得到一个训练好的网络。</translation>
    </message>
    <message>
        <source>Read the shapes</source>
        <translation>读懂形状</translation>
    </message>
    <message>
        <source>Hover a cell of the table to see why it has its shape.</source>
        <translation>把鼠标停在表格的单元格上，看看它为什么是这个形状。</translation>
    </message>
    <message>
        <source>Train the network</source>
        <translation>训练网络</translation>
    </message>
    <message>
        <source>Training repeats three moves: forward propagation computes ŷ for all m samples, back propagation computes dW and db, and the update W := W − α·dW makes the cost J a little smaller.</source>
        <translation>训练不断重复三个动作：前向传播为全部 m 个样本计算 ŷ，反向传播计算 dW 和 db，更新 W := W − α·dW 让代价 J 变小一点。</translation>
    </message>
    <message>
        <source>Press the highlighted Train button (or F5). This step moves on by itself when training starts.</source>
        <translation>按下高亮的“训练”按钮（或 F5）。训练开始后这一步会自动继续。</translation>
    </message>
    <message>
        <source>Watch the decision boundary</source>
        <translation>观察决策边界</translation>
    </message>
    <message>
        <source>The colours behind the points are the network&apos;s output ŷ over the input plane; the decision boundary is where one class turns into the other. Watch it bend around the data while J falls (the Cost view plots J).</source>
        <translation>点后面的颜色是网络在输入平面上的输出 ŷ；决策边界是一个类别变成另一个类别的地方。看着它在 J 下降的同时绕着数据弯曲（“代价”视图画出 J）。</translation>
    </message>
    <message>
        <source>Let the run finish, or press Stop when the boundary looks right.</source>
        <translation>让训练跑完，或者在边界看起来合适时按“停止”。</translation>
    </message>
    <message>
        <source>Try a second hidden layer</source>
        <translation>试试第二个隐藏层</translation>
    </message>
    <message>
        <source>One hidden layer can bend the boundary only so far. Press the highlighted Add layer button in the Network builder: a second hidden layer appears, and the dimension table shows the shape of its W and b. Then press Train again.</source>
        <translation>一个隐藏层能让边界弯曲的程度有限。按下网络构建器中高亮的“添加层”按钮：会出现第二个隐藏层，维度表会显示它的 W 和 b 的形状。然后再按“训练”。</translation>
    </message>
    <message>
        <source>Stop the run first if it is still training. This step moves on by itself when the network changes.</source>
        <translation>如果还在训练，请先停止。网络改变后这一步会自动继续。</translation>
    </message>
    <message>
        <source>Where to go next</source>
        <translation>接下来去哪里</translation>
    </message>
    <message>
        <source>Step through shows one forward and backward pass a formula at a time, with this network&apos;s real shapes: press Start a pass. Compare runs overlays the cost curves of your runs. Help ▸ Guide (F1) explains forward and back propagation in the course&apos;s notation.</source>
        <translation>“逐步查看”用这个网络的真实形状，一次一个公式地展示一次前向和反向传播：按“开始一次传播”。“比较训练记录”把各次训练的代价曲线叠在一起。帮助 ▸ 指南（F1）用课程的记号讲解前向和反向传播。</translation>
    </message>
    <message>
        <source>Reopen this tour at any time from Help ▸ Welcome tour.</source>
        <translation>随时可以从 帮助 ▸ 欢迎导览 重新打开这个导览。</translation>
    </message>
    <message>
        <source>&amp;Welcome tour</source>
        <translation>欢迎导览(&amp;W)</translation>
    </message>
    <message>
        <source>A short tour: read the shapes, train, watch the boundary</source>
        <translation>简短导览：读懂形状、训练、观察边界</translation>
    </message>
</context>
<context>
    <name>WindowFrame</name>
    <message>
        <source>NN Studio</source>
        <translation>NN Studio</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <source>The network&apos;s units and connections, and its shapes</source>
        <translation>网络的单元、连接和形状</translation>
    </message>
    <message>
        <source>Build</source>
        <translation>构建</translation>
    </message>
    <message>
        <source>Network builder</source>
        <translation>网络构建器</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>&amp;Import CSV…</source>
        <translation>导入 CSV(&amp;I)…</translation>
    </message>
    <message>
        <source>Load your own data from a CSV file</source>
        <translation>从 CSV 文件载入你自己的数据</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;About NN Studio</source>
        <translation>关于 NN Studio(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Go to</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Gradient shapes in the table</source>
        <translation>在表格中显示梯度形状(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Undo {what}</source>
        <translation>撤销“{what}”(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo {what}</source>
        <translation>重做“{what}”(&amp;R)</translation>
    </message>
    <message>
        <source>{L}-layer network ({h} hidden + output) · {p} parameters · m = {m} training samples</source>
        <translation>{L} 层网络（{h} 个隐层 + 输出层）· {p} 个参数 · m = {m} 个训练样本</translation>
    </message>
    <message>
        <source>Import CSV</source>
        <translation>导入 CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.tsv *.txt);;All files (*)</source>
        <translation>CSV 文件 (*.csv *.tsv *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Cannot import {file}</source>
        <translation>无法导入 {file}</translation>
    </message>
    <message>
        <source>{reason}

NN Studio reads text files with one sample per row, numbers in the feature columns and one label column. The data in use has not changed.</source>
        <translation>{reason}

NN Studio 读取的文本文件应每行一个样本，特征列中是数字，另有一个标签列。当前使用的数据没有改变。</translation>
    </message>
    <message>
        <source>About NN Studio</source>
        <translation>关于 NN Studio</translation>
    </message>
    <message>
        <source>&lt;h3&gt;NN Studio {version}&lt;/h3&gt;&lt;p&gt;Build a fully-connected neural network, see the shape of every matrix, train it and watch it learn.&lt;/p&gt;&lt;p&gt;Notation of the deeplearning.ai course: X is (n&lt;sup&gt;[0]&lt;/sup&gt;, m), W&lt;sup&gt;[l]&lt;/sup&gt; is (n&lt;sup&gt;[l]&lt;/sup&gt;, n&lt;sup&gt;[l-1]&lt;/sup&gt;), b&lt;sup&gt;[l]&lt;/sup&gt; is (n&lt;sup&gt;[l]&lt;/sup&gt;, 1), Z&lt;sup&gt;[l]&lt;/sup&gt; and A&lt;sup&gt;[l]&lt;/sup&gt; are (n&lt;sup&gt;[l]&lt;/sup&gt;, m). Input and output do not count as layers.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;NN Studio {version}&lt;/h3&gt;&lt;p&gt;搭建一个全连接神经网络，看清每个矩阵的形状，训练它，并观察它如何学习。&lt;/p&gt;&lt;p&gt;采用 deeplearning.ai 课程的记号：X 是 (n&lt;sup&gt;[0]&lt;/sup&gt;, m)，W&lt;sup&gt;[l]&lt;/sup&gt; 是 (n&lt;sup&gt;[l]&lt;/sup&gt;, n&lt;sup&gt;[l-1]&lt;/sup&gt;)，b&lt;sup&gt;[l]&lt;/sup&gt; 是 (n&lt;sup&gt;[l]&lt;/sup&gt;, 1)，Z&lt;sup&gt;[l]&lt;/sup&gt; 和 A&lt;sup&gt;[l]&lt;/sup&gt; 是 (n&lt;sup&gt;[l]&lt;/sup&gt;, m)。输入和输出不算层。&lt;/p&gt;</translation>
    </message>
</context>
</TS>
