/** One term of the glossary (术语表): the English term beside the Chinese one every chapter uses. */
export interface GlossaryTerm {
  en: string;
  zh: string;
  /** A word on usage, in Chinese, when the term alone is not enough (e.g. a Latin name kept at first mention). */
  note?: string;
}

/** A group of terms from one part of the book. */
export interface GlossaryGroup {
  en: string;
  zh: string;
  terms: GlossaryTerm[];
}

/** The glossary both editions keep to, in the book's order of topics. */
export const GLOSSARY: GlossaryGroup[] = [
  {
    en: "Units and networks",
    zh: "单元与网络",
    terms: [
      { en: "perceptron", zh: "感知机" },
      { en: "unit / neuron", zh: "单元 / 神经元" },
      { en: "weight", zh: "权重" },
      { en: "bias", zh: "偏置" },
      { en: "weighted input", zh: "加权输入" },
      { en: "activation (function)", zh: "激活（函数）" },
      { en: "step function", zh: "阶跃函数" },
      { en: "logistic sigmoid σ", zh: "逻辑斯谛函数（sigmoid）", note: "首次出现时注明 sigmoid" },
      { en: "tanh", zh: "双曲正切" },
      { en: "ReLU", zh: "线性整流函数（ReLU）" },
      { en: "layer", zh: "层" },
      { en: "hidden layer", zh: "隐藏层" },
      { en: "output layer", zh: "输出层" },
      { en: "fully connected / dense layer", zh: "全连接层" },
      { en: "network", zh: "网络" },
      { en: "decision boundary", zh: "决策边界" },
      { en: "linearly separable", zh: "线性可分" },
      { en: "convergence theorem", zh: "收敛定理" },
      { en: "mistake bound", zh: "错误次数上界" },
      { en: "XOR", zh: "异或（XOR）" },
    ],
  },
  {
    en: "Error and loss",
    zh: "误差与损失",
    terms: [
      { en: "error surface", zh: "误差曲面" },
      { en: "loss function", zh: "损失函数" },
      { en: "squared error", zh: "平方误差" },
      { en: "mean squared error", zh: "均方误差" },
      { en: "cross-entropy", zh: "交叉熵" },
      { en: "softmax", zh: "softmax", note: "首次出现时注明：归一化指数函数" },
      { en: "one-hot", zh: "独热编码" },
      { en: "logits", zh: "logits", note: "首次出现时注明：未归一化的得分" },
      { en: "training set", zh: "训练集" },
      { en: "test set", zh: "测试集" },
      { en: "overfitting", zh: "过拟合" },
      { en: "regularisation", zh: "正则化" },
      { en: "weight decay", zh: "权重衰减" },
      { en: "early stopping", zh: "早停" },
    ],
  },
  {
    en: "Descent",
    zh: "下降",
    terms: [
      { en: "gradient", zh: "梯度" },
      { en: "partial derivative", zh: "偏导数" },
      { en: "gradient descent", zh: "梯度下降" },
      { en: "learning rate", zh: "学习率" },
      { en: "step / step size", zh: "步 / 步长" },
      { en: "momentum", zh: "动量" },
      { en: "curvature", zh: "曲率" },
      { en: "condition number", zh: "条件数" },
      { en: "valley", zh: "山谷 / 峡谷" },
      { en: "diverge / divergence", zh: "发散" },
      { en: "converge", zh: "收敛" },
      { en: "oscillate", zh: "振荡" },
      { en: "stochastic gradient descent", zh: "随机梯度下降" },
      { en: "mini-batch", zh: "小批量" },
      { en: "batch size", zh: "批大小" },
      { en: "epoch", zh: "轮（epoch）" },
      { en: "iteration", zh: "迭代" },
      { en: "initialisation", zh: "初始化" },
      { en: "training", zh: "训练" },
    ],
  },
  {
    en: "Graphs and back-propagation",
    zh: "计算图与反向传播",
    terms: [
      { en: "chain rule", zh: "链式法则" },
      { en: "computational graph", zh: "计算图" },
      { en: "directed acyclic graph (DAG)", zh: "有向无环图（DAG）" },
      { en: "node", zh: "节点" },
      { en: "edge", zh: "边" },
      { en: "operand", zh: "操作数" },
      { en: "consumer", zh: "使用者", note: "使用（消费）它的节点" },
      { en: "forward pass", zh: "前向传播" },
      { en: "backward pass", zh: "反向传播过程" },
      { en: "back-propagation", zh: "反向传播" },
      { en: "delta δ", zh: "误差项 δ" },
      { en: "local gradient", zh: "局部梯度" },
      { en: "automatic differentiation", zh: "自动微分" },
      { en: "autograd", zh: "自动求导引擎（autograd）" },
      { en: "topological order", zh: "拓扑序" },
      { en: "forward mode", zh: "前向模式" },
      { en: "reverse mode", zh: "反向模式" },
      { en: "gradient check", zh: "梯度检验" },
      { en: "finite differences", zh: "有限差分" },
      { en: "vanishing gradient", zh: "梯度消失" },
      { en: "exploding gradient", zh: "梯度爆炸" },
      { en: "saturation", zh: "饱和" },
    ],
  },
  {
    en: "The notebook",
    zh: "笔记本",
    terms: [
      { en: "cell", zh: "单元格" },
      { en: "kernel", zh: "内核" },
      { en: "run", zh: "运行" },
      { en: "output", zh: "输出" },
      { en: "widget", zh: "交互组件" },
      { en: "parameter (hyperparameter)", zh: "参数（超参数）" },
      { en: "playground", zh: "练习场" },
      { en: "check yourself", zh: "自测" },
      { en: "your turn", zh: "轮到你了" },
      { en: "notation", zh: "记号" },
      { en: "instructor", zh: "教师" },
    ],
  },
];
