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

// A term written as a compact row: English, Chinese and, where the term alone is not enough, a note.
type Row = readonly [en: string, zh: string, note?: string];

function rows(table: readonly Row[]): GlossaryTerm[] {
  return table.map(([en, zh, note]) => (note === undefined ? { en, zh } : { en, zh, note }));
}

/** The glossary both editions keep to, in the book's order of topics. */
export const GLOSSARY: GlossaryGroup[] = [
  {
    en: "Units and networks",
    zh: "单元与网络",
    terms: rows([
      ["perceptron", "感知机"],
      ["unit / neuron", "单元 / 神经元"],
      ["weight", "权重"],
      ["bias", "偏置"],
      ["weighted input", "加权输入"],
      ["activation (function)", "激活（函数）"],
      ["step function", "阶跃函数"],
      ["logistic sigmoid σ", "逻辑斯谛函数（sigmoid）", "首次出现时注明 sigmoid"],
      ["tanh", "双曲正切"],
      ["ReLU", "线性整流函数（ReLU）"],
      ["layer", "层"],
      ["hidden layer", "隐藏层"],
      ["output layer", "输出层"],
      ["fully connected / dense layer", "全连接层"],
      ["network", "网络"],
      ["decision boundary", "决策边界"],
      ["linearly separable", "线性可分"],
      ["convergence theorem", "收敛定理"],
      ["mistake bound", "错误次数上界"],
      ["XOR", "异或（XOR）"],
    ]),
  },
  {
    en: "Error and loss",
    zh: "误差与损失",
    terms: rows([
      ["error surface", "误差曲面"],
      ["loss function", "损失函数"],
      ["squared error", "平方误差"],
      ["mean squared error", "均方误差"],
      ["cross-entropy", "交叉熵"],
      ["softmax", "softmax", "首次出现时注明：归一化指数函数"],
      ["one-hot", "独热编码"],
      ["logits", "logits", "首次出现时注明：未归一化的得分"],
      ["training set", "训练集"],
      ["test set", "测试集"],
      ["overfitting", "过拟合"],
      ["regularisation", "正则化"],
      ["weight decay", "权重衰减"],
      ["early stopping", "早停"],
    ]),
  },
  {
    en: "Descent",
    zh: "下降",
    terms: rows([
      ["gradient", "梯度"],
      ["partial derivative", "偏导数"],
      ["gradient descent", "梯度下降"],
      ["learning rate", "学习率"],
      ["step / step size", "步 / 步长"],
      ["momentum", "动量"],
      ["curvature", "曲率"],
      ["condition number", "条件数"],
      ["valley", "山谷 / 峡谷"],
      ["diverge / divergence", "发散"],
      ["converge", "收敛"],
      ["oscillate", "振荡"],
      ["stochastic gradient descent", "随机梯度下降"],
      ["mini-batch", "小批量"],
      ["batch size", "批大小"],
      ["epoch", "轮（epoch）"],
      ["iteration", "迭代"],
      ["initialisation", "初始化"],
      ["training", "训练"],
    ]),
  },
  {
    en: "Graphs and back-propagation",
    zh: "计算图与反向传播",
    terms: rows([
      ["chain rule", "链式法则"],
      ["computational graph", "计算图"],
      ["directed acyclic graph (DAG)", "有向无环图（DAG）"],
      ["node", "节点"],
      ["edge", "边"],
      ["operand", "操作数"],
      ["consumer", "使用者", "使用（消费）它的节点"],
      ["forward pass", "前向传播"],
      ["backward pass", "反向传播过程"],
      ["back-propagation", "反向传播"],
      ["delta δ", "误差项 δ"],
      ["local gradient", "局部梯度"],
      ["automatic differentiation", "自动微分"],
      ["autograd", "自动求导引擎（autograd）"],
      ["topological order", "拓扑序"],
      ["forward mode", "前向模式"],
      ["reverse mode", "反向模式"],
      ["gradient check", "梯度检验"],
      ["finite differences", "有限差分"],
      ["vanishing gradient", "梯度消失"],
      ["exploding gradient", "梯度爆炸"],
      ["saturation", "饱和"],
    ]),
  },
  {
    en: "The notebook",
    zh: "笔记本",
    terms: rows([
      ["cell", "单元格"],
      ["kernel", "内核"],
      ["run", "运行"],
      ["output", "输出"],
      ["widget", "交互组件"],
      ["parameter (hyperparameter)", "参数（超参数）"],
      ["playground", "练习场"],
      ["check yourself", "自测"],
      ["your turn", "轮到你了"],
      ["notation", "记号"],
      ["instructor", "教师"],
    ]),
  },
];
